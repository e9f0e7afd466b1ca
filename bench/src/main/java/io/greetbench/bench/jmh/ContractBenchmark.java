package io.greetbench.bench.jmh;

import io.greetbench.core.Answer;
import io.greetbench.core.GreetingContract;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the contract costs every server on every request: decoding the name from the request target
 * and building the body bytes. The target is read from a non-final field of the state, so the JIT
 * cannot fold the work away (JMHSample_10_ConstantFold), and the answer is returned (JMHSample_09).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class ContractBenchmark {
    /** ascii: /world; non-ascii: /Zo%C3%AB; long: a 1,000-byte name, percent-encoded. */
    @Param({"ascii", "non-ascii", "long"})
    public String name;

    private String target;

    @Setup
    public void setUp() {
        target = switch (name) {
            case "ascii" -> "/world";
            case "non-ascii" -> "/Zo%C3%AB";
            case "long" -> "/" + "%C3%AB".repeat(250) + "n".repeat(500);
            default -> throw new IllegalArgumentException("unknown name kind " + name);
        };
        if (GreetingContract.answer("GET", target).status() != 200) {
            throw new IllegalStateException("the benchmark input is not a greeting: " + target);
        }
    }

    @Benchmark
    public Answer decodeAndBuild() {
        return GreetingContract.answer("GET", target);
    }
}
