package io.greetbench.netty;

import io.greetbench.core.Answer;
import io.greetbench.core.GreetingContract;
import io.greetbench.core.HttpDate;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;

/**
 * Answers each request with the contract, as Netty's hello-world example and the TechEmpower entry
 * do: act on the {@link HttpRequest} and drop its content, write without flushing while reading,
 * flush once per read burst. With a wait, the answer is scheduled on the channel's own event loop.
 */
final class GreetingHandler extends ChannelInboundHandlerAdapter {
    private static final AsciiString CONTENT_TYPE = AsciiString.cached(GreetingContract.CONTENT_TYPE);
    private static final AsciiString NOSNIFF_NAME = AsciiString.cached(GreetingContract.NOSNIFF_HEADER);
    private static final AsciiString NOSNIFF = AsciiString.cached(GreetingContract.NOSNIFF);
    private static final AsciiString ALLOW = AsciiString.cached(GreetingContract.ALLOW);
    /** The contract's constant headers carry no CR or LF: no validation per response, as TechEmpower's entry. */
    private static final HttpHeadersFactory HEADERS = DefaultHttpHeadersFactory.headersFactory().withValidation(false);
    /** Longest body: a greeting of {@link GreetingContract#MAX_NAME_BYTES} ("Hello, " + name + "!\n"). */
    private static final AsciiString[] CONTENT_LENGTHS = contentLengths(GreetingContract.MAX_NAME_BYTES + 10);

    private final long waitNanos;

    GreetingHandler(long waitNanos) {
        this.waitNanos = waitNanos;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (!(msg instanceof HttpRequest)) {
                // Request bodies (HttpContent) are not read by this route, but a body the codec could
                // not read (a bad chunk size) leaves the stream out of step: flush what is answered, close.
                if (msg instanceof HttpObject content && content.decoderResult().isFailure()) {
                    ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
                }
                return;
            }
            HttpRequest request = (HttpRequest) msg;
            DecoderResult decoded = request.decoderResult();
            if (decoded.isFailure()) {
                // The codec could not read this request; after it the stream is out of step, so close.
                ctx.writeAndFlush(response(refusal(decoded.cause()), false, false))
                        .addListener(ChannelFutureListener.CLOSE);
                return;
            }
            if (request.protocolVersion().majorVersion() != 1) {
                // The codec takes any NAME/x.y as a version; this server speaks HTTP/1.x only.
                ctx.writeAndFlush(response(GreetingContract.badRequest(), false, false))
                        .addListener(ChannelFutureListener.CLOSE);
                return;
            }
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            boolean head = HttpMethod.HEAD.equals(request.method());
            Answer answer = GreetingContract.answer(request.method().name(), request.uri());
            if (waitNanos > 0) {
                ctx.executor().schedule(() -> send(ctx, answer, head, keepAlive, request.protocolVersion(), true),
                        waitNanos, TimeUnit.NANOSECONDS);
            } else {
                send(ctx, answer, head, keepAlive, request.protocolVersion(), false);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private static void send(ChannelHandlerContext ctx, Answer answer, boolean head, boolean keepAlive,
            HttpVersion version, boolean flush) {
        FullHttpResponse response = response(answer, head, keepAlive);
        if (keepAlive && version.equals(HttpVersion.HTTP_1_0)) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        if (!keepAlive) {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        } else if (flush) {
            ctx.writeAndFlush(response, ctx.voidPromise());
        } else {
            ctx.write(response, ctx.voidPromise());
        }
    }

    private static FullHttpResponse response(Answer answer, boolean head, boolean keepAlive) {
        byte[] body = answer.body();
        // The body array is read-only and the encoder copies it next to the headers: wrap it, no copy here.
        ByteBuf content = head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body);
        HttpHeaders headers = HEADERS.newHeaders();
        headers.add(HttpHeaderNames.CONTENT_TYPE, CONTENT_TYPE)
                .add(NOSNIFF_NAME, NOSNIFF)
                .add(HttpHeaderNames.CONTENT_LENGTH, contentLength(body.length))
                .add(HttpHeaderNames.DATE, CachedDate.now());
        if (answer.needsAllowHeader()) {
            headers.add(HttpHeaderNames.ALLOW, ALLOW);
        }
        if (!keepAlive) {
            headers.add(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(answer.status()),
                content, headers, HttpHeaders.EMPTY_HEADERS);
    }

    /** {@code Content-Length} values as pre-encoded ASCII, for every length a greeting or an error can have. */
    private static CharSequence contentLength(int length) {
        return length < CONTENT_LENGTHS.length ? CONTENT_LENGTHS[length] : Integer.toString(length);
    }

    private static AsciiString[] contentLengths(int count) {
        AsciiString[] values = new AsciiString[count];
        for (int i = 0; i < count; i++) {
            values[i] = AsciiString.cached(Integer.toString(i));
        }
        return values;
    }

    /**
     * The {@link HttpDate} value as an {@link AsciiString}, which the encoder copies as bytes; made again
     * only when the date string changes, once a second.
     */
    static final class CachedDate {
        private static volatile CachedDate cached = new CachedDate("", AsciiString.EMPTY_STRING);

        private final String source;
        private final AsciiString value;

        private CachedDate(String source, AsciiString value) {
            this.source = source;
            this.value = value;
        }

        static AsciiString now() {
            String date = HttpDate.now();
            CachedDate c = cached;
            if (c.source != date) { // HttpDate hands out the same String until the second changes
                c = new CachedDate(date, new AsciiString(date));
                cached = c;
            }
            return c.value;
        }
    }

    private static Answer refusal(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return GreetingContract.requestLineTooLong();
        }
        if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
            return GreetingContract.headersTooLarge();
        }
        return GreetingContract.badRequest();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // a reset or broken pipe: nothing to answer
    }
}
