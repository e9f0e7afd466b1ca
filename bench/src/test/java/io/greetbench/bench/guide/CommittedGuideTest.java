package io.greetbench.bench.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greetbench.bench.stats.CellKey;
import io.greetbench.bench.stats.Finding;
import io.greetbench.bench.stats.Findings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed guide is what its template renders against the committed run it names, byte for byte;
 * rendering it checks that no hand-written sentence carries a figure. And the same template, given a
 * sentence that claims a difference the run's findings.json calls a tie, does not render.
 */
class CommittedGuideTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path TEMPLATE = ROOT.resolve(Guide.TEMPLATE);
    private static final Path PAGE = ROOT.resolve(Guide.PAGE);
    private static final Pattern RUN = Pattern.compile("and the run in (\\S+):");

    /** The run the committed page says it was rendered from (its first line). */
    private static Path committedRun() throws Exception {
        String first = Files.readString(PAGE, StandardCharsets.UTF_8).lines().findFirst().orElse("");
        Matcher m = RUN.matcher(first);
        assertTrue(m.find(), "the page does not name its run on its first line: " + first);
        return PAGE.getParent().resolve(m.group(1)).normalize();
    }

    @Test
    void theCommittedGuideIsWhatItsTemplateRendersAgainstTheCommittedRun() throws Exception {
        Path run = committedRun();
        String rendered = Guide.render(TEMPLATE, run, PAGE);
        assertEquals(Files.readString(PAGE, StandardCharsets.UTF_8), rendered,
                "docs/choosing-a-runtime.md is not what its template renders: run ./greetbench guide " + ROOT.relativize(run));
    }

    @Test
    void aSentenceClaimingADifferenceTheRunCallsATieDoesNotRender(@TempDir Path scratch) throws Exception {
        Path run = committedRun();
        Finding tie = Findings.read(run.resolve(Findings.FILE)).findings().stream().filter(f -> !f.significant())
                .findFirst().orElseThrow(() -> new AssertionError("the committed run calls no pair a tie"));
        String claim = "{{" + cell(tie.cell()) + " " + metric(tie) + ": " + tie.runtimeA() + " > " + tie.runtimeB() + "}}";
        Path template = scratch.resolve("claims.template.md");
        Files.writeString(template, Files.readString(TEMPLATE, StandardCharsets.UTF_8)
                + "\nAnd " + tie.runtimeA() + " is ahead: " + claim + ".\n", StandardCharsets.UTF_8);

        GuideException e = assertThrows(GuideException.class, () -> Guide.render(template, run, PAGE));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).contains(claim + ": '" + tie.runtimeA() + " > " + tie.runtimeB() + "'"), e.getMessage());
        assertTrue(e.problems().get(0).contains("claims a finding, but findings.json states none for this pair"), e.getMessage());
    }

    @Test
    void aFigureTypedIntoTheCommittedTemplateDoesNotRender(@TempDir Path scratch) throws Exception {
        Path template = scratch.resolve("typed.template.md");
        Files.writeString(template, Files.readString(TEMPLATE, StandardCharsets.UTF_8)
                + "\nNetty is about three times faster than Tomcat, 2.9x at 256 connections.\n", StandardCharsets.UTF_8);
        GuideException e = assertThrows(GuideException.class, () -> Guide.render(template, committedRun(), PAGE));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("'three'") && e.getMessage().contains("'2.9'") && e.getMessage().contains("'256'"),
                e.getMessage());
    }

    /** How a template names a cell: capacity/256, equal-work/128@20000, latency-at-rate/64@50%. */
    private static String cell(CellKey cell) {
        String name = cell.scenario() + "/" + cell.connections();
        if (cell.offeredRate() != null) {
            return name + String.format(Locale.ROOT, "@%.0f", cell.offeredRate());
        }
        return cell.ratePercent() != null ? name + "@" + cell.ratePercent() + "%" : name;
    }

    private static String metric(Finding f) {
        return GuideMetric.of(f.metric()).orElseThrow().key;
    }
}
