package io.greetbench.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The pipeline end of one channel: parses answers straight out of each read buffer, keeps only the
 * tail of a partial answer for the next read, and lets its {@link DriverConnection} send and flush
 * once per read burst.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
    private final DriverConnection connection;
    private final ResponseParser parser;
    private ByteBuf partial; // bytes of an answer not complete yet, or null

    ConnectionHandler(DriverConnection connection, ResponseParser parser) {
        this.connection = connection;
        this.parser = parser;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        connection.active(ctx.channel());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        connection.readStarted();
        ByteBuf in = (ByteBuf) msg;
        if (partial != null) {
            partial.writeBytes(in);
            in.release();
            in = partial;
            partial = null;
        }
        try {
            while (in.isReadable()) {
                ResponseParser.Outcome outcome = parser.next(in, connection.checkNextBodyPeek());
                if (outcome == ResponseParser.Outcome.INCOMPLETE) {
                    partial = ctx.alloc().heapBuffer(Math.max(256, in.readableBytes() * 2));
                    partial.writeBytes(in);
                    return;
                }
                connection.consumeCheck();
                connection.answered(outcome, parser.serverCloses());
                if (outcome == ResponseParser.Outcome.MALFORMED || !ctx.channel().isActive()) {
                    return;
                }
            }
        } finally {
            in.release();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        connection.readComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (partial != null) {
            partial.release();
            partial = null;
        }
        connection.inactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // a reset: channelInactive counts what was lost
    }
}
