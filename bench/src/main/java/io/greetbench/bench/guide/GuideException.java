package io.greetbench.bench.guide;

import java.util.List;

/** A template the data does not bear out, or cannot be read: every problem found, each with its line. */
public final class GuideException extends Exception {
    private final List<String> problems;

    GuideException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem: "template.md:12: ...". */
    public List<String> problems() {
        return problems;
    }
}
