package io.greetbench.bench.load;

/** What can go wrong with one request; each kind is counted apart, and none counts as a success. */
public enum ErrorKind {
    /** A connection could not be opened (refused, timed out, out of ports). */
    CONNECT("connect"),
    /** The answer's status was not 2xx. */
    STATUS("status"),
    /** The answer's body was not the expected greeting. */
    BODY("body"),
    /**
     * No answer within the request timeout. The connection stays open: an answer that comes later is
     * read (its latency still counts) but never counted as a success.
     */
    TIMEOUT("timeout"),
    /** The server closed or reset the connection with requests still unanswered (one per request lost). */
    RESET("reset"),
    /** The answer was not HTTP/1.1 the driver can read (no Content-Length, garbage). */
    PROTOCOL("protocol");

    private final String key;

    ErrorKind(String key) {
        this.key = key;
    }

    /** The name used in JSON and summaries. */
    public String key() {
        return key;
    }
}
