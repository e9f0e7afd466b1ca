package io.greetbench.bench.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything one comparison run is told.
 *
 * @param runtimes         runtime names (greetbench's own and the references {@code ref-aiohttp}, {@code ref-nginx})
 * @param scenarios        scenarios, run in this order (latency-at-rate needs plaintext's peak first)
 * @param connections      the connection sweep of plaintext
 * @param ioWaitConnections the connection sweep of io-wait
 * @param rateConnections  connections of the open-loop and pipelined scenarios
 * @param rateFractions    latency-at-rate: fractions of the runtime's plaintext peak
 * @param ioWait           the per-request wait of io-wait
 * @param warmup           unrecorded warm-up per measurement: the least, when {@code warmupMax} is longer
 * @param warmupMax        the most warm-up: past {@code warmup} it goes on until the server's CPU per
 *                         request settles; not longer than {@code warmup}: a fixed warm-up
 * @param duration         measured window per measurement
 * @param trials           repetitions of every cell, each on a fresh server process
 * @param serverCpus       taskset list for servers, e.g. "0"
 * @param driverCpus       taskset list for the driver (this process), e.g. "1"
 * @param out              folder for results.jsonl, environment.json and the report
 * @param serverJava       java executable for the servers
 * @param serverJvmFlags   JVM flags, the same for every server
 * @param command          the command line as typed, for the environment record
 */
public record RunOptions(List<String> runtimes, List<Scenario> scenarios, List<Integer> connections,
        List<Integer> ioWaitConnections, int rateConnections, List<Double> rateFractions, Duration ioWait,
        Duration warmup, Duration warmupMax, Duration duration, int trials, String serverCpus, String driverCpus, Path out,
        Path serverJava, List<String> serverJvmFlags, String command) {
}
