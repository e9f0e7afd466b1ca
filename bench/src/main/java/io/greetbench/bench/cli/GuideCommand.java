package io.greetbench.bench.cli;

import io.greetbench.bench.guide.Guide;
import io.greetbench.bench.guide.GuideException;
import io.greetbench.bench.stats.Findings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code greetbench guide DIR}: the guide rendered from its template against a run's results. */
@Command(name = "guide", mixinStandardHelpOptions = true,
        description = {"Render docs/choosing-a-runtime.md from docs/guide/choosing-a-runtime.template.md against the run in DIR.",
            "Every figure and comparison in the page is a reference to DIR's findings.json or results.jsonl; rendering fails "
                + "(exit 1), naming each line, when a reference asserts a difference findings.json does not state, or when "
                + "the hand-written text carries a figure of its own."})
final class GuideCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "A results folder with its report written (findings.json), e.g. docs/results/<id>.")
    Path dir;

    @Option(names = "--template", paramLabel = "FILE", description = "The template (default: docs/guide/choosing-a-runtime.template.md).")
    Path template;

    @Option(names = "--out", paramLabel = "FILE", description = "The page to write (default: docs/choosing-a-runtime.md).")
    Path out;

    @Option(names = "--check", description = "Write nothing: exit 1 if the page differs from what the template and DIR render.")
    boolean check;

    @Override
    public Integer call() throws Exception {
        Path root = Path.of(System.getenv().getOrDefault("GREETBENCH_ROOT", ".")).toAbsolutePath().normalize();
        Path templateFile = template != null ? template : root.resolve(Guide.TEMPLATE);
        Path page = out != null ? out : root.resolve(Guide.PAGE);
        if (!Files.isRegularFile(dir.resolve(Findings.FILE))) {
            System.err.println("greetbench: " + dir + " has no " + Findings.FILE + "; give a results folder whose report is "
                    + "written (./greetbench report " + dir + ")");
            return ExitCode.USAGE;
        }
        if (!Files.isRegularFile(templateFile)) {
            System.err.println("greetbench: no template at " + templateFile + " (give one with --template)");
            return ExitCode.USAGE;
        }
        String rendered;
        try {
            rendered = Guide.render(templateFile, dir, page);
        } catch (GuideException e) {
            System.err.println("greetbench: the guide does not render against " + dir + ":");
            e.problems().forEach(p -> System.err.println("  " + p));
            return ExitCode.SOME_FAILED;
        }
        if (check) {
            boolean same = Files.isRegularFile(page) && Files.readString(page, StandardCharsets.UTF_8).equals(rendered);
            System.out.println(same ? "guide: " + page + " is what " + templateFile + " renders against " + dir
                    : "guide: " + page + " differs from what " + templateFile + " renders against " + dir
                            + "; run ./greetbench guide " + dir);
            return same ? ExitCode.OK : ExitCode.SOME_FAILED;
        }
        Files.writeString(page, rendered, StandardCharsets.UTF_8);
        System.out.println("guide: " + page);
        return ExitCode.OK;
    }
}
