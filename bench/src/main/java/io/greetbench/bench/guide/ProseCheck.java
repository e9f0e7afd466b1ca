package io.greetbench.bench.guide;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds figures in the hand-written text of a template: digits, and the words that state a count or a
 * factor ("three", "twice", "a third"). A figure belongs in a reference, where the data gives it; a
 * number that is code or configuration belongs in a code span. Not prose, so not checked: references,
 * code spans and fenced code, link targets, URLs and HTML comments. What may stay in prose is a name that
 * carries a number and is no measurement: a product's version ("JDK 21+", "HTTP/1.1", "Netty 4.2",
 * "cgroup v2"), a percentile's name ("p99", "p99.9"), a date (2026-11-26), an ordered list's marker.
 */
final class ProseCheck {
    /** Names with a number in them that are not figures; blanked before digits are looked for. */
    private static final List<Pattern> ALLOWED = List.of(
            Pattern.compile("\\b(?:JDK|Java|Temurin|Debian|Linux|Netty|Vert\\.x|Tomcat|Helidon|Undertow|Spring Boot|JUnit|Maven|"
                    + "Python|nginx|aiohttp) \\d+(?:\\.\\d+)*(?:\\+|\\.x)?"),
            Pattern.compile("\\bHTTP/\\d(?:\\.\\d|\\.x)?"),
            Pattern.compile("\\bcgroup v\\d\\b"),
            Pattern.compile("\\bp\\d+(?:\\.\\d+)?\\b"),
            Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b"),
            Pattern.compile("^\\s*\\d+\\.(?=\\s)"));
    private static final Pattern DIGITS = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Pattern NUMBER_WORDS = Pattern.compile("(?i)\\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|"
            + "twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|twice|thrice|half|halves|thirds?|quarters?|"
            + "doubles?|doubled|triples?|tripled|dozens?|(?:two|three|four|five|ten|hundred)fold)\\b");
    /** What is not prose, on one line (after references and comments are gone). */
    private static final Pattern NOT_PROSE = Pattern.compile("(`+).*?\\1|\\]\\([^)]*\\)|<https?://[^>]*>|https?://\\S+");

    private ProseCheck() {
    }

    /**
     * Each figure found, in order, as "LINE: 'figure' in: the line". {@code prose} is the template with
     * its references and comments blanked (line numbers kept); {@code original} the template as written,
     * for the message.
     */
    static List<String> figures(String prose, String original) {
        List<String> found = new ArrayList<>();
        String[] lines = prose.split("\n", -1);
        String[] written = original.split("\n", -1);
        boolean fenced = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.trim().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            String text = NOT_PROSE.matcher(line).replaceAll(" ");
            for (Pattern allowed : ALLOWED) {
                text = allowed.matcher(text).replaceAll(" ");
            }
            java.util.TreeMap<Integer, String> figures = new java.util.TreeMap<>();
            for (Pattern figure : List.of(DIGITS, NUMBER_WORDS)) {
                Matcher m = figure.matcher(text);
                while (m.find()) {
                    figures.put(m.start(), m.group());
                }
            }
            String context = i < written.length ? written[i].trim() : line.trim();
            for (String f : figures.values()) {
                found.add((i + 1) + ": '" + f + "' in: " + context);
            }
        }
        return found;
    }
}
