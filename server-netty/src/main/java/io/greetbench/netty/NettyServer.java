package io.greetbench.netty;

import io.greetbench.core.BindFailures;
import io.greetbench.core.RunningServer;
import io.greetbench.core.ServerConfig;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.ResourceLeakDetector;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** A running Netty greeting server: one boss loop accepting, {@code ioThreads} loops serving. */
final class NettyServer implements RunningServer {
    // The codec's defaults, written out because the contract documents them.
    static final int MAX_INITIAL_LINE = 4096;
    static final int MAX_HEADER_SIZE = 8192;

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel channel;

    private NettyServer(EventLoopGroup boss, EventLoopGroup workers, Channel channel) {
        this.boss = boss;
        this.workers = workers;
        this.channel = channel;
    }

    static NettyServer start(NettyTransport transport, ServerConfig config) throws Exception {
        disableLeakSamplingUnlessAsked();
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, transport.ioHandlerFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(config.ioThreadsOrDefault(),
                transport.ioHandlerFactory());
        try {
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(transport.serverChannel())
                    .option(ChannelOption.SO_BACKLOG, config.backlog())
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline()
                                    .addLast(new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADER_SIZE, 8192))
                                    .addLast(new GreetingHandler(config.requestWait().toNanos()));
                        }
                    });
            Channel channel = bootstrap.bind(new InetSocketAddress(config.host(), config.port())).sync().channel();
            return new NettyServer(boss, workers, channel);
        } catch (Throwable t) {
            shutdown(boss, workers);
            throw BindFailures.translate(t, config.host(), config.port());
        }
    }

    /**
     * Netty samples one buffer allocation in 128 for leak tracking by default (level SIMPLE), recording a
     * stack trace for each sampled one and wrapping it. Vert.x turns this off for its users when a Vertx
     * instance is created (as does the TechEmpower Netty entry), unless a level was asked for; so does this
     * server, so the two measure the same Netty. {@code -Dio.netty.leakDetection.level=...} still wins.
     */
    static void disableLeakSamplingUnlessAsked() {
        if (System.getProperty("io.netty.leakDetection.level") == null
                && System.getProperty("io.netty.leakDetectionLevel") == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
    }

    @Override
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        shutdown(boss, workers);
    }

    private static void shutdown(EventLoopGroup boss, EventLoopGroup workers) {
        // No quiet period: the benchmark stops servers between cells and waits for the threads to end.
        boss.shutdownGracefully(0, 5, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 5, TimeUnit.SECONDS);
        boss.terminationFuture().syncUninterruptibly();
        workers.terminationFuture().syncUninterruptibly();
    }
}
