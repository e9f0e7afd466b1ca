package io.greetbench.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code greetbench guide}: writes the page, --check says whether it is what the template renders, and a wrong folder is a usage error. */
class GuideCommandTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path RUN = ROOT.resolve("docs/results/2026-12-02-085634");
    private static final Path TEMPLATE = ROOT.resolve("docs/guide/choosing-a-runtime.template.md");

    private static int guide(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "guide";
        System.arraycopy(args, 0, all, 1, args.length);
        return GreetbenchCommand.commandLine().execute(all);
    }

    @Test
    void writesThePageAndChecksIt(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("choosing.md");
        assertEquals(0, guide(RUN.toString(), "--template", TEMPLATE.toString(), "--out", page.toString()));
        assertTrue(Files.readString(page, StandardCharsets.UTF_8).contains("# Choosing a runtime"));
        assertEquals(0, guide(RUN.toString(), "--template", TEMPLATE.toString(), "--out", page.toString(), "--check"));

        Files.writeString(page, Files.readString(page, StandardCharsets.UTF_8).replace("cannot be told apart", "differ"));
        assertEquals(1, guide(RUN.toString(), "--template", TEMPLATE.toString(), "--out", page.toString(), "--check"));
    }

    @Test
    void aTemplateTheRunDoesNotBearOutExits1AndWritesNothing(@TempDir Path dir) throws Exception {
        Path template = dir.resolve("t.md");
        Files.writeString(template, "{{capacity/256: netty-iouring > netty}}\n");
        Path page = dir.resolve("page.md");
        assertEquals(1, guide(RUN.toString(), "--template", template.toString(), "--out", page.toString()));
        assertTrue(Files.notExists(page));
    }

    @Test
    void aFolderWithoutFindingsIsAUsageError(@TempDir Path dir) {
        assertEquals(2, guide(dir.toString(), "--template", TEMPLATE.toString(), "--out", dir.resolve("p.md").toString()));
    }
}
