package io.greetbench.bench.report;

import io.greetbench.bench.results.ResultsFile;
import io.greetbench.bench.results.RunEnvironment;
import io.greetbench.bench.scenario.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code README.md} and its charts into a results folder, from the raw {@code results.jsonl}
 * and {@code environment.json} only: the report can always be made again from what was measured.
 * The page is its sections in order; each scenario gets the section its style calls for.
 */
public final class ReportWriter {
    static final String HEADLINE_START = "<!-- greetbench:headline:start -->";
    static final String HEADLINE_END = "<!-- greetbench:headline:end -->";

    private ReportWriter() {
    }

    /** Sets up what drawing charts needs, before a run, so a report can be drawn even while the JVM shuts down. */
    public static void prepare() {
        Charts.prepare();
    }

    /**
     * Reads {@code dir}'s raw results and writes its report, and (when there are results) findings.json:
     * every pairwise finding with its interval, the same bytes for the same results.jsonl. Returns the
     * README path.
     */
    public static Path write(Path dir) throws IOException {
        ReportContext ctx = new ReportContext(dir, index(dir));
        StringBuilder md = new StringBuilder();
        for (ReportSection section : sections(ctx.index())) {
            section.render(ctx, md);
        }
        if (Files.isRegularFile(dir.resolve(ResultsFile.NAME))) {
            ctx.rankings().file().write(dir);
        }
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, md.toString(), StandardCharsets.UTF_8);
        return readme;
    }

    /**
     * The findings of {@code dir}'s results.jsonl, as {@link #write} puts them in findings.json,
     * computed afresh (for a run that has no findings.json yet).
     */
    public static io.greetbench.bench.stats.Findings findings(Path dir) throws IOException {
        return Rankings.of(index(dir)).file();
    }

    private static List<ReportSection> sections(ResultsIndex index) {
        List<ReportSection> sections = new ArrayList<>(List.of(new IntroSection(), new FindingsSection()));
        for (Scenario scenario : index.scenarios()) {
            sections.add(switch (scenario.section()) {
                case CONNECTION_SWEEP -> new SweepSection(scenario);
                case RATE_TABLE -> new RateSection(scenario);
                case SINGLE_TABLE -> new SingleTableSection(scenario);
                case CAPACITY_TABLE -> new CapacitySection(scenario);
                case EQUAL_WORK_TABLE -> new EqualWorkSection(scenario);
                case CONTAINER -> (ctx, md) -> { }; // not cells: ContainerSection below, once for them all
            });
        }
        sections.addAll(List.of(new PrecisionSection(), new ContainerSection(), new MemorySection(), new JmhSection(),
                new ProblemsSection(), new VersionsSection()));
        return sections;
    }

    /** The headline table for a terminal: one line per runtime. */
    /** What a short fixed warm-up (quick's) does to the values, for the terminal; empty otherwise. */
    public static String shortWarmupNote(Path dir) throws IOException {
        return FindingsSection.shortWarmup(RunEnvironment.read(dir).optionsOrNone());
    }

    public static String summaryTable(Path dir) throws IOException {
        return TerminalSummary.render(Headline.of(index(dir)));
    }

    /**
     * Replaces the block between the headline markers in {@code markdownFile} (a README) with this
     * run's headline table and throughput chart, linked relative to that file.
     */
    public static void updateHeadline(Path dir, Path markdownFile) throws IOException {
        String text = Files.readString(markdownFile, StandardCharsets.UTF_8);
        int start = text.indexOf(HEADLINE_START);
        int end = text.indexOf(HEADLINE_END);
        if (start < 0 || end < start) {
            throw new IOException(markdownFile + " has no " + HEADLINE_START + " ... " + HEADLINE_END + " block");
        }
        ResultsIndex index = index(dir);
        Path link = markdownFile.toAbsolutePath().getParent().relativize(dir.toAbsolutePath());
        Headline headline = Headline.of(index);
        String chart = headline.chart() != null && Files.exists(dir.resolve(headline.chart())) ? headline.chart() : null;
        String block = HEADLINE_START + "\n" + HeadlineMarkdown.render(headline, index, link, chart) + HEADLINE_END;
        Files.writeString(markdownFile, text.substring(0, start) + block + text.substring(end + HEADLINE_END.length()),
                StandardCharsets.UTF_8);
    }

    private static ResultsIndex index(Path dir) throws IOException {
        return new ResultsIndex(ResultsFile.read(dir), RunEnvironment.read(dir));
    }
}
