package io.greetbench.bench.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One fresh start of a server (the start-up scenario).
 *
 * @param firstAnswerMillis from just before its process was started to its first correct answer, ms
 *                          (its port and the answer polled every millisecond)
 * @param rssKb             its resident memory right after that answer
 * @param threads           its threads then
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record StartupFigures(double firstAnswerMillis, Long rssKb, Integer threads) {
}
