package io.greetbench.bench.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A run of other scenarios, made later on the same machine, whose measurements were added to a run's folder
 * ({@code greetbench add}), as {@code greetbench jmh --out} adds JMH's: which scenarios it brought and its own
 * environment (its command, commit, CPU check and CPUs), which the folder's environment.json keeps under
 * {@code added}. Its cells are its own: no cell holds trials of both runs.
 *
 * @param addedAt     when it was added (ISO-8601)
 * @param from        the folder it was added from, as given
 * @param scenarios   the scenarios its results.jsonl held
 * @param lines       how many lines of results it brought
 * @param environment its environment.json
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AddedRun(String addedAt, String from, List<String> scenarios, int lines, RunEnvironment environment) {
}
