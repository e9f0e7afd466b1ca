package io.greetbench.bench.report;

import io.greetbench.bench.results.RunEnvironment;

/** The versions of every library and reference server the run used. */
final class VersionsSection implements ReportSection {
    @Override
    public void render(ReportContext ctx, StringBuilder md) {
        RunEnvironment env = ctx.index().env();
        if (env.libraries() == null || env.libraries().isEmpty()) {
            return;
        }
        md.append("## Versions\n\n| library | version |\n|---|---|\n");
        env.libraries().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("| nginx | ").append(oneLine(env.nginx())).append(" |\n");
        md.append("| python3, aiohttp | ").append(oneLine(env.python3Aiohttp())).append(" |\n\n");
    }

    private static String oneLine(String s) {
        String line = String.valueOf(s).replace('\n', ' ').replace("|", "/");
        return s == null || line.isBlank() ? "not installed" : line;
    }
}
