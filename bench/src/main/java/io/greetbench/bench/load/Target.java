package io.greetbench.bench.load;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * The URL under load, resolved once. A load tool should not hit someone's server because of a typo,
 * so anything but loopback is refused unless the caller allows remote targets explicitly.
 */
public final class Target {
    private final String url;
    private final InetSocketAddress address;
    private final String hostHeader;
    private final String pathAndQuery;

    private Target(String url, InetSocketAddress address, String hostHeader, String pathAndQuery) {
        this.url = url;
        this.address = address;
        this.hostHeader = hostHeader;
        this.pathAndQuery = pathAndQuery;
    }

    /** Parses and resolves {@code url}; throws {@link IllegalArgumentException} with a reason a person can act on. */
    public static Target parse(String url, boolean allowRemote) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + url + "' is not a URL: " + e.getReason());
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + url + "' is not an http:// URL with a host (https is not supported)");
        }
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        InetAddress host;
        try {
            host = InetAddress.getByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve host '" + uri.getHost() + "'");
        }
        if (!host.isLoopbackAddress() && !allowRemote) {
            throw new IllegalArgumentException("refusing to load " + uri.getHost() + " (" + host.getHostAddress()
                    + "): not a loopback address; pass --allow-remote if you mean to load another machine");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String pathAndQuery = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        String hostHeader = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + port;
        return new Target(url, new InetSocketAddress(host, port), hostHeader, pathAndQuery);
    }

    public String url() {
        return url;
    }

    public InetSocketAddress address() {
        return address;
    }

    /** The path and query as sent in the request line, still percent-encoded. */
    public String pathAndQuery() {
        return pathAndQuery;
    }

    /** The request the driver sends, encoded once: the same bytes wrk sends for this URL. */
    public byte[] requestBytes() {
        return ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + hostHeader + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}
