package io.greetbench.bench.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The operating system's limits that decide whether a host can hold 10,000+ connections, as read
 * on that host when the run began (each absent when it could not be read).
 *
 * @param somaxconn        {@code /proc/sys/net/core/somaxconn}: the most a listen backlog may be
 * @param tcpMaxSynBacklog {@code /proc/sys/net/ipv4/tcp_max_syn_backlog}: half-open connections kept
 * @param localPortRange   {@code /proc/sys/net/ipv4/ip_local_port_range}: the ports a client's
 *                         connections to one server address and port can use, e.g. "32768 60999"
 * @param openFiles        {@code ulimit -n} (soft) of greetbench's processes there: one per connection
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record NetworkLimits(Integer somaxconn, Integer tcpMaxSynBacklog, String localPortRange, Long openFiles) {
}
