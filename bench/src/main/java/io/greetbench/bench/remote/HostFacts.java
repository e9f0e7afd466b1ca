package io.greetbench.bench.remote;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a host said about itself when it was probed, one {@code key=value} a line. A host is not
 * trusted to say only what greetbench's probe prints (it may be compromised, or its login shell may
 * print more), so the facts that commands are built from are checked here, before anything runs:
 * {@code java} an absolute path, {@code jvmflags} flags greetbench's own JDK rule gives, {@code dir}
 * an absolute path. Any other answer stops the run with one line naming the host.
 */
final class HostFacts {
    /** Every flag {@code jdk_flags} of {@code bench/scripts/jdk.sh} may print; a flag added there is added here. */
    static final Set<String> KNOWN_FLAGS = Set.of("--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow");
    /** An absolute path of plain characters: nothing a shell or ssh reads as more than a path. */
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._+@%,:=~-]+)+");
    private static final Pattern CPU_LIST = Pattern.compile("[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*");

    private final Map<String, String> facts;
    private final List<String> jvmFlags;

    private HostFacts(Map<String, String> facts, List<String> jvmFlags) {
        this.facts = facts;
        this.jvmFlags = jvmFlags;
    }

    /** The facts {@code host}'s probe printed; an IOException in one line, naming the host, for any that cannot be used. */
    static HostFacts parse(String host, String probeOutput) throws IOException {
        Map<String, String> facts = new HashMap<>();
        for (String line : probeOutput.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                facts.putIfAbsent(line.substring(0, eq), line.substring(eq + 1).trim());
            }
        }
        for (String key : List.of("java", "dir")) {
            String value = facts.get(key);
            if (value == null || !isPlainAbsolutePath(value)) {
                throw new IOException(host + " answered " + key + "=" + oneLine(value) + ", not an absolute path of plain "
                        + "characters: greetbench runs nothing with it (check that host's JDK and cache folder, and that "
                        + "its login shell prints nothing of its own)");
            }
        }
        String flags = facts.getOrDefault("jvmflags", "");
        List<String> jvmFlags = flags.isBlank() ? List.of() : List.of(flags.trim().split("\\s+"));
        List<String> unknown = new ArrayList<>(jvmFlags);
        unknown.removeAll(KNOWN_FLAGS);
        if (!unknown.isEmpty()) {
            throw new IOException(host + " answered JVM flags greetbench does not give (" + oneLine(String.join(" ", unknown))
                    + "): its JDK rule gives only " + String.join(", ", KNOWN_FLAGS.stream().sorted().toList())
                    + ", so greetbench runs nothing with them");
        }
        if (!CPU_LIST.matcher(facts.getOrDefault("online", "")).matches()) {
            facts.put("online", ""); // unknown: the CPU lists are then not checked against it
        }
        return new HostFacts(facts, jvmFlags);
    }

    private static boolean isPlainAbsolutePath(String value) {
        return PATH.matcher(value).matches() && Path.of(value).normalize().toString().equals(value);
    }

    /** A value as a message may quote it: its first 80 characters, control characters shown as '?'. */
    private static String oneLine(String value) {
        if (value == null) {
            return "(nothing)";
        }
        String shown = value.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 80 ? shown.substring(0, 80) + "..." : shown;
    }

    /** The java greetbench runs there: an absolute path. */
    Path java() {
        return Path.of(facts.get("java"));
    }

    /** greetbench's cache folder there: an absolute path. */
    String dir() {
        return facts.get("dir");
    }

    /** The JVM flags for its JDK (the same rule as ./greetbench's), each a known one. */
    List<String> jvmFlags() {
        return jvmFlags;
    }

    /** A fact as it was said (for records and messages, not commands), or null. */
    String get(String key) {
        return facts.get(key);
    }

    /** A fact as a whole number, or null when it is not one ({@code unlimited}: the largest). */
    Long number(String key) {
        String v = facts.getOrDefault(key, "");
        if (v.equals("unlimited")) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
