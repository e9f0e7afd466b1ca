package io.greetbench.bench.jmh;

import io.greetbench.core.Answer;
import io.greetbench.core.GreetingContract;
import io.greetbench.core.HttpDate;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Each runtime's way of turning the contract's answer into something to write: a pooled Netty
 * {@link ByteBuf} (and the whole response through Netty's encoder), a Vert.x {@link Buffer}, an
 * Undertow-style {@link ByteBuffer}, and the thread pool's bytes into a buffered stream.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class ResponseBytesBenchmark {
    private static final AsciiString CONTENT_TYPE = AsciiString.cached(GreetingContract.CONTENT_TYPE);

    private Answer answer;
    private EmbeddedChannel encoder;
    private ByteArrayOutputStream stream;

    @Setup(Level.Trial)
    public void setUp() {
        answer = GreetingContract.answer("GET", "/world");
        encoder = new EmbeddedChannel(new HttpResponseEncoder());
        stream = new ByteArrayOutputStream(256);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        encoder.finishAndReleaseAll();
    }

    @Benchmark
    public void nettyPooledByteBuf(Blackhole bh) {
        byte[] body = answer.body();
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.ioBuffer(body.length).writeBytes(body);
        bh.consume(buf.readableBytes());
        buf.release();
    }

    @Benchmark
    public void nettyFullResponseEncoded(Blackhole bh) {
        byte[] body = answer.body();
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.wrappedBuffer(body), false);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, CONTENT_TYPE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.DATE, HttpDate.now());
        encoder.writeOutbound(response);
        for (Object out; (out = encoder.readOutbound()) != null; ) {
            bh.consume(((ByteBuf) out).readableBytes());
            ((ByteBuf) out).release();
        }
    }

    @Benchmark
    public Buffer vertxBuffer() {
        return Buffer.buffer(answer.body());
    }

    @Benchmark
    public ByteBuffer undertowByteBuffer() {
        return ByteBuffer.wrap(answer.body());
    }

    @Benchmark
    public int threadPoolBytes() {
        stream.reset();
        byte[] body = answer.body();
        stream.writeBytes(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\nDate: " + HttpDate.now()
                + "\r\nContent-Type: " + GreetingContract.CONTENT_TYPE + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        stream.writeBytes(body);
        return stream.size();
    }
}
