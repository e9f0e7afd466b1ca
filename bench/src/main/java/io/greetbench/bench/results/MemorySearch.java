package io.greetbench.bench.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What one round's search for a runtime's smallest memory limit found: the line after its steps.
 *
 * @param foundBytes       the smallest limit that held; absent when none did
 * @param failedBytes      the largest limit below it that failed: the last step's span is
 *                         [failedBytes, foundBytes]; absent when nothing below it was tried
 * @param startBytes       where the search started: the most memory the unlimited window's group was charged
 * @param baselineRequestsPerSecond the unlimited window's requests/s, the 95% mark's base
 * @param baselineErrors   the unlimited window's errors but timeouts (request and set-up): a step may have none,
 *                         or at most three times as many when these are not none
 * @param steps            steps tried
 * @param seconds          how long the search took, its unlimited windows included
 * @param toleranceBytes   the span it stopped at: 5% of the limit, or 8 MiB if more
 * @param baselineCpuMicrosPerRequest the unlimited window's server CPU per request, µs: the 95% mark's base
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MemorySearch(Long foundBytes, Long failedBytes, Long startBytes, Double baselineRequestsPerSecond,
        Long baselineErrors, int steps, double seconds, Long toleranceBytes, Double baselineCpuMicrosPerRequest) {

    /**
     * The lower end of the last step's span: the largest limit below the one found that failed, or, where
     * nothing below it was tried, the limit found less the tolerance. The smallest limit that holds lies above
     * it and at most at the limit found. Null when no limit was found.
     */
    public Long belowBytes() {
        if (foundBytes == null) {
            return null;
        }
        return failedBytes != null ? failedBytes : foundBytes - (toleranceBytes == null ? 0 : toleranceBytes);
    }
}
