package io.greetbench.bench.report;

import java.awt.Color;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One colour per runtime, the same in every chart: a hue per family (Netty's transports, Vert.x,
 * Undertow, Tomcat, Helidon, the thread pools, the references) and a shade per runtime within it.
 * A runtime greetbench does not know gets a neutral grey, and sorts after the known ones: a new
 * runtime draws, it just does not stand out until it is given a place here.
 */
final class RuntimeColours {
    /** A family: its name in a legend and its runtimes, darkest shade first. */
    record Family(String name, Map<String, Color> runtimes) {
    }

    static final Color UNKNOWN = new Color(0xb0b0b0);
    static final String OTHER = "other";

    static final List<Family> FAMILIES = List.of(
            family("Netty", "netty", 0x08519c, "netty-iouring", 0x3182bd, "netty-nio", 0x6baed6),
            family("Vert.x", "vertx-web", 0x54278f, "vertx-core", 0x9e9ac8),
            family("Undertow", "undertow", 0xd94801, "undertow-worker", 0xfd8d3c),
            family("Tomcat", "tomcat", 0x8c510a, "tomcat-virtual", 0xd8b365),
            family("Helidon", "helidon", 0x01665e),
            family("thread pools", "threadpool", 0x006d2c, "threadpool-virtual", 0x74c476),
            family("references", "ref-nginx", 0x252525, "ref-aiohttp", 0x737373));

    private RuntimeColours() {
    }

    private static Family family(String name, Object... runtimeAndRgb) {
        Map<String, Color> runtimes = new LinkedHashMap<>();
        for (int i = 0; i < runtimeAndRgb.length; i += 2) {
            runtimes.put((String) runtimeAndRgb[i], new Color((Integer) runtimeAndRgb[i + 1]));
        }
        return new Family(name, runtimes);
    }

    /** The runtime's colour: its family's hue in its own shade, or neutral grey for a runtime not listed. */
    static Color of(String runtime) {
        for (Family f : FAMILIES) {
            Color c = f.runtimes().get(runtime);
            if (c != null) {
                return c;
            }
        }
        return UNKNOWN;
    }

    /** The runtime's family name, or {@link #OTHER}. */
    static String family(String runtime) {
        return FAMILIES.stream().filter(f -> f.runtimes().containsKey(runtime)).map(Family::name).findFirst().orElse(OTHER);
    }

    /** The family's colour in a legend: its first (darkest) shade; grey for "other". */
    static Color ofFamily(String family) {
        return FAMILIES.stream().filter(f -> f.name().equals(family)).map(f -> f.runtimes().values().iterator().next())
                .findFirst().orElse(UNKNOWN);
    }

    /** A reference server (drawn dashed in line charts). */
    static boolean reference(String runtime) {
        return runtime.startsWith(Rankings.REFERENCE_PREFIX);
    }

    /** Its place among its family's shades (0 for the first, and for a runtime not listed). */
    static int shade(String runtime) {
        for (Family f : FAMILIES) {
            int i = List.copyOf(f.runtimes().keySet()).indexOf(runtime);
            if (i >= 0) {
                return i;
            }
        }
        return 0;
    }

    /** Families in the order above, runtimes within a family darkest first; unknown runtimes last, by name. */
    static final Comparator<String> ORDER = Comparator.comparingInt(RuntimeColours::rank).thenComparing(Comparator.naturalOrder());

    private static int rank(String runtime) {
        int i = 0;
        for (Family f : FAMILIES) {
            for (String r : f.runtimes().keySet()) {
                if (r.equals(runtime)) {
                    return i;
                }
                i++;
            }
        }
        return Integer.MAX_VALUE;
    }
}
