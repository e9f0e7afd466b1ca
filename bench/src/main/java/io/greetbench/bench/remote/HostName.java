package io.greetbench.bench.remote;

import java.util.regex.Pattern;

/**
 * What a host on the command line may be: a host name or ssh alias, an IPv4 address or an IPv6
 * address (without brackets), each with an optional {@code user@} before it. Nothing else reaches
 * ssh: no word that starts with {@code -} (ssh would read it as an option), no shell characters
 * ({@code ; | $( `}: an ssh configuration whose {@code ProxyCommand} holds {@code %h} hands the name
 * to a shell on this machine).
 */
final class HostName {
    private static final String USER = "([A-Za-z0-9._][A-Za-z0-9._-]*@)?";
    private static final Pattern NAME = Pattern.compile(USER + "[A-Za-z0-9_][A-Za-z0-9._-]*");
    private static final Pattern IPV6 = Pattern.compile(USER + "([0-9A-Fa-f]*:[0-9A-Fa-f:.]+)(%[A-Za-z0-9_.-]+)?");

    private HostName() {
    }

    /** Why {@code host} cannot be a host for ssh, for a person, or null. */
    static String problem(String host) {
        if (host != null && (NAME.matcher(host).matches() || IPV6.matcher(host).matches())) {
            return null;
        }
        return "'" + host + "' is not a host name ssh can take: give a host name or ssh alias (letters, digits, "
                + "'.', '-', '_'), or an IPv4 or IPv6 address (no brackets), with user@ before it if need be";
    }

    /** {@code host} as scp's {@code HOST:PATH} wants it: an IPv6 address in brackets (else its colons end the host). */
    static String forScp(String host) {
        var v6 = IPV6.matcher(host);
        if (!v6.matches()) {
            return host;
        }
        String user = v6.group(1) == null ? "" : v6.group(1);
        return user + "[" + host.substring(user.length()) + "]";
    }
}
