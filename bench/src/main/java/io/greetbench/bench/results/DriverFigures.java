package io.greetbench.bench.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What one driver host saw of a cell loaded from several hosts: its own window, and how its wall
 * clock compared with the orchestrator's (the hosts open their windows at one common wall-clock
 * time, so the offsets say how far apart the windows really were).
 *
 * @param host                 the driver host, as named with {@code --driver-hosts}
 * @param pid                  its driver process's PID on that host
 * @param clockOffsetMillis    its wall clock minus the orchestrator's, read over the ssh round trip
 *                             before the cell (the reading with the shortest round trip of a few)
 * @param clockRoundTripMillis that round trip: the offset is known to within half of it
 * @param windowLateMillis     how long after the common time its window opened, by its own clock
 * @param load                 its own figures, its histogram included
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DriverFigures(String host, Long pid, Double clockOffsetMillis, Double clockRoundTripMillis,
        Double windowLateMillis, LoadFigures load) {
}
