package io.greetbench.bench.guide;

import io.greetbench.bench.stats.CellKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code {{...}}} of a guide template, parsed; what each form renders is {@link GuideRenderer}'s.
 * The forms, as the template's header documents them:
 *
 * <pre>
 * CELL [METRIC]: A vs B        the run's sentence about A against B, whatever it found
 * CELL [METRIC]: A &gt; B / A &lt; B  the same, and an assertion: a finding that A's value is larger / smaller
 * CELL [METRIC]: A ~ B         the same, and an assertion: no finding either way
 * value CELL [METRIC] R        R's median with its 95% interval
 * median CELL [METRIC] R       R's median alone (for tables)
 * spread CELL [METRIC] R|all   the lowest and highest trial of R (or of every runtime)
 * range CELL [METRIC] R1,R2    the lowest and highest median of those runtimes
 * total CELL METRIC R          a count summed over R's trials (errors, timeouts, setup-errors, never-served)
 * ranking CELL [METRIC] [R1,R2] runtimes with their medians, best first
 * runtimes CELL [METRIC] OP R  the runtimes whose pair with R is a finding above (&gt;) or below (&lt;) it, or none (~)
 * runtimes CELL FILTER         driver-bound, errors, setup-errors, never-served or under-budget runtimes
 * cell CELL [rate]            "10,000 connections" (or the cell's rate, "20,000 requests/s"), if the run has the cell
 * scenario NAME FIELD          connections, rates, budget, wait or window, as the results recorded them
 * run FIELD                    id, path, trials, machine, java, date, confidence or threshold
 * </pre>
 *
 * CELL is {@code scenario/connections}, with {@code @rate} for a fixed rate in requests/s ({@code @20000},
 * {@code @20k}) or {@code @50%} for a share of each runtime's peak.
 */
sealed interface Reference {

    /** A comparison of A against B; {@code claim} is what the template asserts of it, if anything. */
    record Compare(CellKey cell, String metric, String a, String b, Claim claim) implements Reference {
    }

    /** A figure of one runtime (or a few) in one cell. */
    record Figure(Kind kind, CellKey cell, String metric, List<String> runtimes) implements Reference {
    }

    /** A list of runtimes: by their pair with {@code against} ({@code op} set), or by a filter. */
    record Runtimes(CellKey cell, String metric, Claim op, String against, String filter) implements Reference {
    }

    record ScenarioFact(String scenario, String field) implements Reference {
    }

    /** A cell of the run, named in words: its connections, or its rate. */
    record CellFact(CellKey cell, String field) implements Reference {
    }

    record RunFact(String field) implements Reference {
    }

    enum Kind {
        VALUE, MEDIAN, SPREAD, RANGE, TOTAL, RANKING
    }

    /** What a comparison asserts: nothing, a finding either way round, or no finding. */
    enum Claim {
        NONE("vs"), LARGER(">"), SMALLER("<"), NO_FINDING("~");

        final String symbol;

        Claim(String symbol) {
            this.symbol = symbol;
        }

        static Claim of(String symbol) {
            return Arrays.stream(values()).filter(c -> c.symbol.equals(symbol)).findFirst().orElse(null);
        }
    }

    Pattern CELL = Pattern.compile("([a-z][a-z0-9-]*)/(\\d+)(?:@(\\d+(?:\\.\\d+)?)(k|%)?)?");
    Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    List<String> RUN_FIELDS = List.of("id", "path", "trials", "machine", "java", "date", "confidence", "threshold");
    List<String> SCENARIO_FIELDS = List.of("connections", "rates", "budget", "wait", "window");
    List<String> FILTERS = List.of("driver-bound", "errors", "setup-errors", "never-served", "under-budget");

    /** Parses the text between {@code {{} and {@code }}}; a mistake of form is an IllegalArgumentException saying which. */
    static Reference parse(String body) {
        String text = body.trim().replaceAll("\\s+", " ");
        int colon = text.indexOf(": ");
        if (colon > 0) {
            return compare(text.substring(0, colon), text.substring(colon + 2));
        }
        List<String> words = new ArrayList<>(List.of(text.split(" ")));
        String keyword = words.remove(0);
        switch (keyword) {
            case "run" -> {
                expect(words.size() == 1 && RUN_FIELDS.contains(words.get(0)), "run takes one of " + RUN_FIELDS);
                return new RunFact(words.get(0));
            }
            case "cell" -> {
                expect(words.size() == 1 || words.size() == 2 && words.get(1).equals("rate"), "cell takes CELL [rate]");
                return new CellFact(cell(words.get(0)), words.size() == 1 ? "connections" : "rate");
            }
            case "scenario" -> {
                expect(words.size() == 2 && NAME.matcher(words.get(0)).matches() && SCENARIO_FIELDS.contains(words.get(1)),
                        "scenario takes a scenario and one of " + SCENARIO_FIELDS);
                return new ScenarioFact(words.get(0), words.get(1));
            }
            case "value", "median", "spread", "range", "total" -> {
                expect(words.size() == 2 || words.size() == 3, keyword + " takes CELL [METRIC] " + (keyword.equals("range")
                        ? "R1,R2,..." : "RUNTIME"));
                CellKey cell = cell(words.get(0));
                String metric = words.size() == 3 ? words.get(1) : null;
                List<String> runtimes = names(words.get(words.size() - 1), keyword.equals("range"));
                return new Figure(Kind.valueOf(keyword.toUpperCase(Locale.ROOT)), cell, metric, runtimes);
            }
            case "ranking" -> {
                expect(!words.isEmpty() && words.size() <= 3, "ranking takes CELL [METRIC] [R1,R2,...]");
                CellKey cell = cell(words.get(0));
                String metric = null;
                List<String> runtimes = List.of();
                for (String w : words.subList(1, words.size())) {
                    if (metric == null && runtimes.isEmpty() && GuideMetric.named(w).isPresent()) {
                        metric = w;
                    } else {
                        expect(runtimes.isEmpty(), "ranking takes CELL [METRIC] [R1,R2,...]");
                        runtimes = names(w, true);
                    }
                }
                return new Figure(Kind.RANKING, cell, metric, runtimes);
            }
            case "runtimes" -> {
                expect(words.size() >= 2, "runtimes takes CELL [METRIC] OP RUNTIME, or CELL and one of " + FILTERS);
                CellKey cell = cell(words.get(0));
                if (words.size() == 2) {
                    expect(FILTERS.contains(words.get(1)), "runtimes CELL takes one of " + FILTERS + ", or [METRIC] OP RUNTIME");
                    return new Runtimes(cell, null, null, null, words.get(1));
                }
                expect(words.size() <= 4, "runtimes takes CELL [METRIC] OP RUNTIME");
                String metric = words.size() == 4 ? words.get(1) : null;
                Claim op = Claim.of(words.get(words.size() - 2));
                expect(op != null && op != Claim.NONE, "runtimes CELL [METRIC] OP RUNTIME: OP is >, < or ~");
                return new Runtimes(cell, metric, op, name(words.get(words.size() - 1)), null);
            }
            default -> throw new IllegalArgumentException("unknown reference '" + keyword + "': a reference is 'CELL [METRIC]: A vs B' "
                    + "(or >, <, ~), or begins with value, median, spread, range, total, ranking, runtimes, cell, scenario or run");
        }
    }

    private static Reference compare(String left, String right) {
        String[] where = left.split(" ");
        expect(where.length <= 2, "a comparison is CELL [METRIC]: A vs B");
        String[] pair = right.split(" ");
        expect(pair.length == 3, "a comparison is CELL [METRIC]: A OP B, with OP one of vs, >, <, ~");
        Claim claim = Claim.of(pair[1]);
        expect(claim != null, "a comparison's operator is vs, >, < or ~, not '" + pair[1] + "'");
        String a = name(pair[0]);
        String b = name(pair[2]);
        expect(!a.equals(b), "a comparison needs two different runtimes");
        return new Compare(cell(where[0]), where.length == 2 ? where[1] : null, a, b, claim);
    }

    /** "capacity/256", "equal-work/128@20k", "latency-at-rate/64@50%". */
    static CellKey cell(String text) {
        Matcher m = CELL.matcher(text);
        expect(m.matches(), "'" + text + "' is not a cell: write scenario/connections, with @rate (@20000, @20k) or @share (@50%)");
        String scenario = m.group(1);
        int connections = Integer.parseInt(m.group(2));
        if (m.group(3) == null) {
            return CellKey.closedLoop(scenario, connections);
        }
        double rate = Double.parseDouble(m.group(3));
        if ("%".equals(m.group(4))) {
            return new CellKey(scenario, connections, (int) Math.round(rate));
        }
        return CellKey.atRate(scenario, connections, "k".equals(m.group(4)) ? rate * 1000 : rate);
    }

    private static List<String> names(String text, boolean list) {
        List<String> names = Arrays.stream(text.split(",")).map(Reference::name).toList();
        expect(list || names.size() == 1, "one runtime here, not a list: " + text);
        return names;
    }

    private static String name(String text) {
        expect(NAME.matcher(text).matches() || text.equals("all"), "'" + text + "' is not a runtime name");
        return text;
    }

    private static void expect(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
