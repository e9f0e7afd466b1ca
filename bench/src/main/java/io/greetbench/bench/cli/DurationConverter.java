package io.greetbench.bench.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads durations the way people type them: {@code 20ms}, {@code 3s}, {@code 1m}, {@code 0}. */
final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)(us|ms|s|m|h)?");

    @Override
    public Duration convert(String value) {
        Matcher m = FORMAT.matcher(value.trim());
        if (!m.matches()) {
            throw new TypeConversionException("'" + value + "' is not a duration; write e.g. 20ms, 3s, 1m");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2);
        if (unit == null) {
            if (amount != 0) {
                throw new TypeConversionException("'" + value + "' needs a unit: us, ms, s, m or h");
            }
            return Duration.ZERO;
        }
        double nanosPerUnit;
        switch (unit) {
            case "us": nanosPerUnit = 1e3; break;
            case "ms": nanosPerUnit = 1e6; break;
            case "s": nanosPerUnit = 1e9; break;
            case "m": nanosPerUnit = 60e9; break;
            default: nanosPerUnit = 3600e9; break;
        }
        return Duration.ofNanos(Math.round(amount * nanosPerUnit));
    }
}
