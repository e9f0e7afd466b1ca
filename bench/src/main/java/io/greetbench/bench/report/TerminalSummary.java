package io.greetbench.bench.report;

/** The {@link Headline} for a terminal: one line per runtime, the same figures as the README's. */
final class TerminalSummary {
    private TerminalSummary() {
    }

    static String render(Headline h) {
        int nameWidth = Math.max(7, h.runtimes().stream().mapToInt(String::length).max().orElse(7));
        int[] widths = new int[h.columns().size()];
        for (int j = 0; j < widths.length; j++) {
            widths[j] = h.columns().get(j).shortHeader().length();
            for (java.util.List<String> row : h.cells()) {
                widths[j] = Math.max(widths[j], compact(row.get(j)).length());
            }
        }
        StringBuilder sb = new StringBuilder(pad("runtime", nameWidth, false));
        for (int j = 0; j < widths.length; j++) {
            sb.append("  ").append(pad(h.columns().get(j).shortHeader(), widths[j], true));
        }
        sb.append('\n');
        for (int i = 0; i < h.runtimes().size(); i++) {
            sb.append(pad(h.runtimes().get(i), nameWidth, false));
            for (int j = 0; j < widths.length; j++) {
                sb.append("  ").append(pad(compact(h.cells().get(i).get(j)), widths[j], true));
            }
            sb.append('\n');
        }
        sb.append('(').append(String.join("; ", h.notes())).append("; ! with errors)\n");
        return sb.toString();
    }

    /** "45.4k †" → "45.4k†": marks close to the figure, so columns stay narrow; "<sub>x</sub>" → "(x)". */
    private static String compact(String text) {
        return text.replace(" †", "†").replace(" !", "!").replace(" ‡", "‡").replace("<sub>", "(").replace("</sub>", ")");
    }

    private static String pad(String s, int width, boolean right) {
        String spaces = " ".repeat(Math.max(0, width - s.length()));
        return right ? spaces + s : s + spaces;
    }
}
