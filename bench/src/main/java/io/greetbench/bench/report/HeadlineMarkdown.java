package io.greetbench.bench.report;

import io.greetbench.bench.results.RunEnvironment;
import java.nio.file.Path;
import java.util.Locale;

/** The README's headline block: the {@link Headline} as a Markdown table, with the first chart of the run. */
final class HeadlineMarkdown {
    private HeadlineMarkdown() {
    }

    static String render(Headline h, ResultsIndex index, Path link, String chart) {
        RunEnvironment env = index.env();
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "From [%s](%s/README.md) (%s, %s trial(s) per cell; median). %s; "
                + "! with errors (timeouts, resets).%n%n", link.getFileName(), link,
                env.cpuModel() + ", " + env.onlineCpus() + " CPUs", env.optionsOrNone().trials(),
                capitalized(String.join("; ", h.notes()))));
        md.append("| runtime |");
        h.columns().forEach(c -> md.append(' ').append(c.header()).append(" |"));
        md.append("\n|---|");
        h.columns().forEach(c -> md.append("---:|"));
        md.append('\n');
        for (int i = 0; i < h.runtimes().size(); i++) {
            md.append("| `").append(h.runtimes().get(i)).append("` |");
            h.cells().get(i).forEach(text -> md.append(' ').append(text).append(" |"));
            md.append('\n');
        }
        if (chart != null) {
            md.append("\n![").append(chart).append("](").append(link).append('/').append(chart).append(")\n");
        }
        return md.toString();
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
