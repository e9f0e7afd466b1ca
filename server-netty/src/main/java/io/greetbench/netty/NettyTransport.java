package io.greetbench.netty;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import java.util.Optional;

/** The three ways Netty 4.2 can do I/O here: its native epoll and io_uring transports, and JDK NIO. */
enum NettyTransport {
    EPOLL {
        @Override
        IoHandlerFactory ioHandlerFactory() {
            return EpollIoHandler.newFactory();
        }

        @Override
        Class<? extends ServerChannel> serverChannel() {
            return EpollServerSocketChannel.class;
        }

        @Override
        Optional<String> unavailableReason() {
            return Epoll.isAvailable() ? Optional.empty() : Optional.of("epoll: " + Epoll.unavailabilityCause());
        }
    },
    IO_URING {
        @Override
        IoHandlerFactory ioHandlerFactory() {
            return IoUringIoHandler.newFactory();
        }

        @Override
        Class<? extends ServerChannel> serverChannel() {
            return IoUringServerSocketChannel.class;
        }

        @Override
        Optional<String> unavailableReason() {
            return IoUring.isAvailable() ? Optional.empty() : Optional.of("io_uring: " + IoUring.unavailabilityCause());
        }
    },
    NIO {
        @Override
        IoHandlerFactory ioHandlerFactory() {
            return NioIoHandler.newFactory();
        }

        @Override
        Class<? extends ServerChannel> serverChannel() {
            return NioServerSocketChannel.class;
        }

        @Override
        Optional<String> unavailableReason() {
            return Optional.empty();
        }
    };

    abstract IoHandlerFactory ioHandlerFactory();

    abstract Class<? extends ServerChannel> serverChannel();

    abstract Optional<String> unavailableReason();
}
