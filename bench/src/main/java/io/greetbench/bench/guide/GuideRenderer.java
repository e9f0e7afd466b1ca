package io.greetbench.bench.guide;

import io.greetbench.bench.guide.Reference.Claim;
import io.greetbench.bench.guide.Reference.CellFact;
import io.greetbench.bench.guide.Reference.Compare;
import io.greetbench.bench.guide.Reference.Figure;
import io.greetbench.bench.guide.Reference.RunFact;
import io.greetbench.bench.guide.Reference.Runtimes;
import io.greetbench.bench.guide.Reference.ScenarioFact;
import io.greetbench.bench.results.Measurement;
import io.greetbench.bench.stats.Bootstrap;
import io.greetbench.bench.stats.CellKey;
import io.greetbench.bench.stats.Finding;
import io.greetbench.bench.stats.Interval;
import io.greetbench.bench.stats.Metric;
import io.greetbench.bench.text.Units;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders one reference against a run. Every figure comes from the run's findings.json or results.jsonl,
 * every comparison is the report's own sentence for that pair ({@link Finding#sentence}), and a
 * reference that asserts more than findings.json states fails with what it does state.
 */
final class GuideRenderer {
    /** The server used less than this share of its budget in some trial: the report's ‡. */
    private static final double AT_BUDGET = 0.10;
    private static final Pattern JAVA_VERSION = Pattern.compile("version \"([0-9][0-9.+]*)\"");

    private final GuideData data;
    private final String runPath;

    /** {@code runPath}: the results folder as the rendered page links to it (relative to the page). */
    GuideRenderer(GuideData data, String runPath) {
        this.data = data;
        this.runPath = runPath;
    }

    /** The reference's text; an IllegalArgumentException says what the data does not bear out. */
    String render(Reference reference) {
        if (reference instanceof Compare c) {
            return compare(c);
        }
        if (reference instanceof Figure f) {
            return figure(f);
        }
        if (reference instanceof Runtimes r) {
            return runtimes(r);
        }
        if (reference instanceof CellFact c) {
            return cell(c);
        }
        if (reference instanceof ScenarioFact s) {
            return scenario(s);
        }
        return run((RunFact) reference);
    }

    // --- comparisons ---

    private String compare(Compare c) {
        CellKey cell = known(c.cell());
        Metric metric = comparedMetric(cell, c.metric());
        Finding f = pair(cell, metric, c.a(), c.b());
        String sentence = f.sentence(GuideRenderer::code);
        String claim = "'" + c.a() + " " + c.claim().symbol + " " + c.b() + "' on " + metric.label() + " in " + cell.label();
        switch (c.claim()) {
            case LARGER, SMALLER -> {
                boolean larger = c.claim() == Claim.LARGER;
                if (!f.significant()) {
                    throw new IllegalArgumentException(claim + " claims a finding, but findings.json states none for this pair: "
                            + sentence + ". Write 'vs' to render what the run found, and let the sentence around it say no more.");
                }
                if (larger != (f.ratio() > 1)) {
                    throw new IllegalArgumentException(claim + " claims " + c.a() + "'s value is " + (larger ? "larger" : "smaller")
                            + ", but findings.json finds the opposite: " + sentence);
                }
            }
            case NO_FINDING -> {
                if (f.significant()) {
                    throw new IllegalArgumentException(claim + " claims no finding, but findings.json states one: " + sentence);
                }
            }
            case NONE -> {
            }
        }
        return sentence;
    }

    private Finding pair(CellKey cell, Metric metric, String a, String b) {
        knownRuntime(cell, a);
        knownRuntime(cell, b);
        return data.finding(cell, metric, a, b).orElseThrow(() -> new IllegalArgumentException("findings.json does not pair "
                + a + " with " + b + " on " + metric.label() + " in " + cell.label() + " (runtimes with errors, and driver-bound "
                + "ones where the report ranks by requests/s, are not ranked; references only against ref-nginx in capacity): "
                + "show their values instead"));
    }

    // --- figures ---

    private String figure(Figure f) {
        CellKey cell = known(f.cell());
        GuideMetric metric = metric(cell, f.metric());
        List<String> runtimes = f.runtimes();
        if (runtimes.contains("all") && !(f.kind() == Reference.Kind.SPREAD && runtimes.size() == 1)) {
            throw new IllegalArgumentException("'all' is for spread only: the lowest and highest trial of every runtime");
        }
        if (metric.count != (f.kind() == Reference.Kind.TOTAL)) {
            throw new IllegalArgumentException(metric.count ? metric.key + " is a count: write total CELL " + metric.key + " RUNTIME"
                    : "total sums a count (errors, timeouts, setup-errors, never-served), not " + metric.key);
        }
        return switch (f.kind()) {
            case VALUE -> valueWithInterval(median(cell, runtimes.get(0), metric), metric) + marks(cell, runtimes.get(0), metric);
            case MEDIAN -> metric.format(median(cell, runtimes.get(0), metric).point()) + marks(cell, runtimes.get(0), metric);
            case SPREAD -> spread(cell, runtimes.get(0), metric);
            case RANGE -> range(cell, runtimes, metric);
            case TOTAL -> metric.format(values(cell, runtimes.get(0), metric).stream().mapToDouble(Double::doubleValue).sum());
            case RANKING -> ranking(cell, runtimes.isEmpty() ? data.runtimes(cell) : runtimes, metric);
        };
    }

    private Interval median(CellKey cell, String runtime, GuideMetric metric) {
        knownRuntime(cell, runtime);
        return data.median(cell, runtime, metric).orElseThrow(() -> new IllegalArgumentException(
                runtime + " has no " + metric.key + " figure in " + cell.label()));
    }

    private List<Double> values(CellKey cell, String runtime, GuideMetric metric) {
        knownRuntime(cell, runtime);
        List<Double> values = data.values(cell, runtime, metric);
        if (values.isEmpty()) {
            throw new IllegalArgumentException(runtime + " has no " + metric.key + " figure in " + cell.label() + "'s results");
        }
        return values;
    }

    /**
     * "165.2k req/s per CPU (range 149.1k–193.1k req/s per CPU)" as the report says it: the range of the
     * trials where the bootstrap's interval of a median is exactly that (few trials), else "95% CI";
     * "(one trial, no interval)".
     */
    private String valueWithInterval(Interval i, GuideMetric metric) {
        if (!i.resolved()) {
            return metric.format(i.point()) + " (one trial, no interval)";
        }
        String kind = Bootstrap.medianIntervalIsRange(i.n()) ? "range " : confidence() + " CI ";
        return metric.format(i.point()) + " (" + kind + between(metric.format(i.low()), metric.format(i.high())) + ")";
    }

    private String spread(CellKey cell, String runtime, GuideMetric metric) {
        List<Double> values = new ArrayList<>();
        if (runtime.equals("all")) {
            data.runtimes(cell).forEach(r -> values.addAll(data.values(cell, r, metric)));
        } else {
            values.addAll(values(cell, runtime, metric));
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no " + metric.key + " figure in " + cell.label());
        }
        double low = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double high = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return between(metric.format(low), metric.format(high));
    }

    private String range(CellKey cell, List<String> runtimes, GuideMetric metric) {
        if (runtimes.size() < 2) {
            throw new IllegalArgumentException("range takes two or more runtimes (for one, write value or median)");
        }
        List<Double> medians = runtimes.stream().map(r -> median(cell, r, metric).point()).toList();
        return between(metric.format(medians.stream().mapToDouble(Double::doubleValue).min().orElseThrow()),
                metric.format(medians.stream().mapToDouble(Double::doubleValue).max().orElseThrow()));
    }

    /** "`netty-nio` 137, `netty-iouring` 143, `undertow` 166 MiB": best median first, the unit once at the end. */
    private String ranking(CellKey cell, List<String> runtimes, GuideMetric metric) {
        List<String> ranked = byMedian(cell, runtimes.stream().filter(r -> knownRuntime(cell, r) != null
                && data.median(cell, r, metric).isPresent()).toList(), metric);
        if (ranked.isEmpty()) {
            throw new IllegalArgumentException("no " + metric.key + " figure in " + cell.label());
        }
        List<String> values = ranked.stream().map(r -> metric.format(data.median(cell, r, metric).orElseThrow().point())).toList();
        String unit = commonUnit(values);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            String v = values.get(i);
            boolean last = i == ranked.size() - 1;
            items.add(code(ranked.get(i)) + " " + (unit.isEmpty() || last ? v : v.substring(0, v.length() - unit.length()))
                    + marks(cell, ranked.get(i), metric));
        }
        return String.join(", ", items);
    }

    /**
     * The report's marks on a rate: " †" where the driver, not the server, set the pace in some trial
     * (the server may be faster than shown), " !" where requests failed (timeouts, resets).
     */
    private String marks(CellKey cell, String runtime, GuideMetric metric) {
        if (metric != GuideMetric.RPS && metric != GuideMetric.PER_CPU) {
            return "";
        }
        List<Measurement> windows = data.windows(cell, runtime);
        return (windows.stream().anyMatch(m -> m.load().driverSaturated()) ? " †" : "")
                + (windows.stream().anyMatch(m -> m.load().errorCount() > 0) ? " !" : "");
    }

    /** The runtimes in order of their medians, best first (by name where medians are equal). */
    private List<String> byMedian(CellKey cell, List<String> runtimes, GuideMetric metric) {
        Comparator<String> byValue = Comparator.comparingDouble(r -> data.median(cell, r, metric).map(Interval::point).orElse(Double.NaN));
        return runtimes.stream().sorted((metric.lowerIsBetter ? byValue : byValue.reversed()).thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    // --- lists of runtimes ---

    private String runtimes(Runtimes r) {
        CellKey cell = known(r.cell());
        List<String> chosen = new ArrayList<>();
        if (r.filter() != null) {
            for (String runtime : data.runtimes(cell)) {
                List<Measurement> windows = data.windows(cell, runtime);
                boolean in = switch (r.filter()) {
                    case "driver-bound" -> windows.stream().anyMatch(m -> m.load().driverSaturated());
                    case "errors" -> windows.stream().anyMatch(m -> m.load().errorCount() > 0);
                    case "setup-errors" -> windows.stream().anyMatch(m -> GuideMetric.SETUP_ERRORS.of(m) > 0);
                    case "never-served" -> windows.stream().anyMatch(m -> GuideMetric.NEVER_SERVED.of(m) > 0);
                    case "under-budget" -> windows.stream().anyMatch(m -> m.cpuLimit() != null && m.server() != null
                            && m.server().cpuUtilization() != null && m.server().cpuUtilization() < m.cpuLimit() * (1 - AT_BUDGET));
                    default -> throw new IllegalStateException(r.filter());
                };
                if (in) {
                    chosen.add(runtime);
                }
            }
            return names(chosen);
        }
        Metric metric = comparedMetric(cell, r.metric());
        knownRuntime(cell, r.against());
        for (String other : data.partners(cell, metric, r.against())) {
            Finding f = data.finding(cell, metric, other, r.against()).orElseThrow();
            Claim found = !f.significant() ? Claim.NO_FINDING : f.ratio() > 1 ? Claim.LARGER : Claim.SMALLER;
            if (found == r.op()) {
                chosen.add(other);
            }
        }
        return names(byMedian(cell, chosen, GuideMetric.of(metric).orElseThrow()));
    }

    private static String names(List<String> runtimes) {
        return runtimes.isEmpty() ? "none" : runtimes.stream().map(GuideRenderer::code).collect(Collectors.joining(", "));
    }

    // --- facts of a cell, a scenario and the run ---

    private String cell(CellFact c) {
        CellKey cell = known(c.cell());
        if (c.field().equals("connections")) {
            return Units.thousands(cell.connections()) + (cell.connections() == 1 ? " connection" : " connections");
        }
        if (cell.offeredRate() != null) {
            return Units.thousands(Math.round(cell.offeredRate())) + " requests/s";
        }
        if (cell.ratePercent() != null) {
            return cell.ratePercent() + "% of each runtime's own peak";
        }
        throw new IllegalArgumentException(cell.label() + " is a closed loop: it has no rate");
    }

    private String scenario(ScenarioFact s) {
        String key = s.scenario();
        if (data.windows(key).isEmpty()) {
            throw new IllegalArgumentException("the run measured no " + key + " cell");
        }
        return switch (s.field()) {
            case "connections" -> and(data.distinct(key, Measurement::connections).stream().map(Units::thousands).toList())
                    + " connections";
            case "rates" -> {
                List<Double> fixed = data.distinct(key, Measurement::offeredRate).stream().filter(v -> v > 0).toList();
                List<Double> shares = data.distinct(key, Measurement::rateFraction).stream().filter(v -> v > 0).toList();
                if (!shares.isEmpty()) {
                    yield and(shares.stream().map(Units::pct).toList()) + " of each runtime's own peak";
                }
                if (fixed.isEmpty()) {
                    throw new IllegalArgumentException(key + " ran in a closed loop: it has no rates");
                }
                yield and(fixed.stream().map(v -> Units.thousands(Math.round(v))).toList()) + " requests/s";
            }
            case "budget" -> {
                List<Double> limits = data.distinct(key, Measurement::cpuLimit);
                if (limits.isEmpty()) {
                    throw new IllegalArgumentException(key + " ran without a CPU limit");
                }
                yield and(limits.stream().map(GuideRenderer::plain).toList()) + " CPU";
            }
            case "wait" -> and(data.distinct(key, Measurement::waitMillis).stream().map(ms -> ms + " ms").toList());
            case "window" -> and(data.distinct(key, m -> Math.round(m.load().durationSeconds())).stream()
                    .map(v -> v + " s").toList());
            default -> throw new IllegalStateException(s.field());
        };
    }

    private String run(RunFact r) {
        var env = data.env();
        return switch (r.field()) {
            case "id" -> data.dir().getFileName().toString();
            case "path" -> runPath;
            case "trials" -> Integer.toString(data.usualTrials());
            case "machine" -> {
                if (env.cpuModel() == null) {
                    throw new IllegalArgumentException("environment.json does not name the machine");
                }
                yield env.cpuModel() + (env.onlineCpus() == null ? "" : ", " + env.onlineCpus() + " CPUs");
            }
            case "java" -> {
                String version = env.serverJavaVersion();
                Matcher m = version == null ? null : JAVA_VERSION.matcher(version);
                if (m == null || !m.find()) {
                    throw new IllegalArgumentException("environment.json does not give the servers' Java version");
                }
                yield (version.contains("Temurin") ? "Temurin " : "Java ") + m.group(1);
            }
            case "date" -> {
                if (env.startedAt() == null || env.startedAt().length() < 10) {
                    throw new IllegalArgumentException("environment.json does not say when the run started");
                }
                yield env.startedAt().substring(0, 10);
            }
            case "confidence" -> confidence();
            case "threshold" -> String.format(Locale.ROOT, "%.0f%%", data.findings().threshold() * 100);
            default -> throw new IllegalStateException(r.field());
        };
    }

    // --- what a reference names ---

    private CellKey known(CellKey cell) {
        List<CellKey> cells = data.cells();
        if (!cells.contains(cell)) {
            throw new IllegalArgumentException("the run has no cell " + cell.label() + "; it has: "
                    + cells.stream().map(CellKey::label).collect(Collectors.joining(", ")));
        }
        return cell;
    }

    private String knownRuntime(CellKey cell, String runtime) {
        if (!data.runtimes(cell).contains(runtime)) {
            throw new IllegalArgumentException("no runtime " + runtime + " in " + cell.label() + "; there are: "
                    + String.join(", ", data.runtimes(cell)));
        }
        return runtime;
    }

    /** The metric findings.json compares: the one named, or the cell's only one. */
    private Metric comparedMetric(CellKey cell, String name) {
        List<Metric> compared = data.comparedMetrics(cell);
        if (name == null) {
            if (compared.size() != 1) {
                throw new IllegalArgumentException(cell.label() + " compares " + (compared.isEmpty() ? "nothing"
                        : compared.stream().map(m -> GuideMetric.of(m).map(g -> g.key).orElse(m.name())).collect(Collectors.joining(", ")))
                        + ": name the metric (CELL METRIC: ...)");
            }
            return compared.get(0);
        }
        GuideMetric metric = GuideMetric.named(name).orElseThrow(() -> unknownMetric(name));
        if (metric.compared == null || !compared.contains(metric.compared)) {
            throw new IllegalArgumentException("findings.json compares no " + name + " in " + cell.label()
                    + (metric.compared == null ? " (it is read from the results only: show its values)" : ""));
        }
        return metric.compared;
    }

    /** The figure named, or the one metric the cell is compared on. */
    private GuideMetric metric(CellKey cell, String name) {
        if (name == null) {
            return GuideMetric.of(comparedMetric(cell, null)).orElseThrow();
        }
        return GuideMetric.named(name).orElseThrow(() -> unknownMetric(name));
    }

    private static IllegalArgumentException unknownMetric(String name) {
        return new IllegalArgumentException("no metric '" + name + "': one of " + GuideMetric.keys());
    }

    // --- text ---

    private String confidence() {
        return String.format(Locale.ROOT, "%.0f%%", data.findings().confidence() * 100);
    }

    static String code(String name) {
        return "`" + name + "`";
    }

    /** "11.4–14.7 µs" when both ends have the same unit, else "463 µs–1.32 ms". */
    static String between(String low, String high) {
        String unit = commonUnit(List.of(low, high));
        return unit.isEmpty() ? low + "–" + high : low.substring(0, low.length() - unit.length()) + "–" + high;
    }

    /** The " unit" every value ends with ("" when they differ or have none). */
    private static String commonUnit(List<String> values) {
        String first = values.get(0);
        int space = first.indexOf(' ');
        if (space < 0) {
            return "";
        }
        String unit = first.substring(space);
        return values.stream().allMatch(v -> v.indexOf(' ') > 0 && v.substring(v.indexOf(' ')).equals(unit)) ? unit : "";
    }

    /** "256", "256 and 10,000", "1, 64 and 1,024". */
    private static String and(List<String> items) {
        if (items.size() < 2) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** 0.5 → "0.5", 2.0 → "2". */
    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.valueOf(v);
    }
}
