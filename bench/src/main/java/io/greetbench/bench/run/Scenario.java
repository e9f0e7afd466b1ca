package io.greetbench.bench.run;

import java.util.Locale;

/** What a measurement asks of a server. */
public enum Scenario {
    /** The greeting, closed loop, over a sweep of connection counts. */
    PLAINTEXT("plaintext", "the greeting, closed loop"),
    /** The greeting after a 20 ms wait per request (the seed's await), closed loop. */
    IO_WAIT("io-wait", "the greeting after a 20 ms wait per request, closed loop"),
    /** Open loop at fixed fractions of the runtime's measured plaintext peak, to compare tails at the same load. */
    LATENCY_AT_RATE("latency-at-rate", "open loop at fractions of the runtime's own plaintext peak"),
    /** Plaintext with 16 pipelined requests per connection (TechEmpower's depth): not realistic traffic. */
    PIPELINED("pipelined", "plaintext with 16 requests pipelined per connection");

    private final String key;
    private final String description;

    Scenario(String key, String description) {
        this.key = key;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    public static Scenario of(String key) {
        for (Scenario s : values()) {
            if (s.key.equals(key.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("no scenario '" + key + "'; scenarios: plaintext, io-wait, latency-at-rate, pipelined");
    }
}
