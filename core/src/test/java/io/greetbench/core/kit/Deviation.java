package io.greetbench.core.kit;

/**
 * A documented place where a runtime's HTTP layer answers a request itself, before the handler and
 * so before the contract, or writes the handler's answer differently (see "Where runtimes answer
 * first" in {@code docs/contract.md}). Each is declared only where no option of the runtime turns it
 * off; the kits then check the declared behaviour exactly, instead of the contract's.
 */
public enum Deviation {
    /**
     * The parser refuses a target with a malformed percent-escape ({@code %ZZ}, a trailing {@code %})
     * anywhere, query included, with its own bare 400. Undertow 2.4 does this and has no option to
     * turn it off.
     */
    PARSER_REFUSES_MALFORMED_ESCAPES,

    /**
     * A request line with an HTTP version the runtime does not know ({@code HTTP/9.9}) is answered
     * {@code 501} and the connection closed before the handler runs. Vert.x 5 does this in its
     * request dispatch, with no option to change it; the robustness suite otherwise wants a 4xx.
     */
    ANSWERS_UNKNOWN_VERSION_501,

    /**
     * A request line with an unknown HTTP version ({@code HTTP/9.9}) is read as HTTP/1.1 by the
     * parser, so the handler never sees the version and the request is greeted. Undertow 2.4 does
     * this (it refuses {@code HTTP/2.0} with 400); no option changes it.
     */
    PARSER_READS_UNKNOWN_VERSION_AS_HTTP_1_1,

    /**
     * A request line with an HTTP version the runtime does not know ({@code HTTP/9.9}) is answered
     * {@code 505 HTTP Version Not Supported} (RFC 9110's status for it) and the connection closed,
     * before the handler runs. Tomcat 11 does this in its HTTP/1.1 processor; no option changes it.
     * The robustness suite otherwise wants a 4xx.
     */
    ANSWERS_UNKNOWN_VERSION_505,

    /**
     * The status line has no reason phrase: {@code HTTP/1.1 200 } (RFC 9112 makes the phrase
     * optional). Tomcat dropped it in 9.0 and has no option to send it.
     */
    STATUS_LINE_WITHOUT_REASON_PHRASE,

    /**
     * The container parses the handler's {@code Content-Type} and writes it again without the space:
     * {@code text/plain;charset=utf-8}, the same media type (RFC 9110 8.3.1). Tomcat does this for
     * every way a servlet can set the header ({@code setContentType}, {@code setHeader}).
     */
    CONTENT_TYPE_WITHOUT_SPACE,

    /**
     * The container percent-decodes the path itself (to map it to a servlet) before the handler runs,
     * and answers with its own {@code 400} page a path that does not decode: a malformed escape, bytes
     * that are not UTF-8, or {@code %00}. Escapes in the query are left alone. Tomcat 11 does this in
     * its adapter (the encoded-slash check, which it also does, has an option and is turned off).
     */
    CONTAINER_REFUSES_UNDECODABLE_PATHS,

    /**
     * The request-thread pool grows under a burst even while some of its threads are idle, and lets
     * an idle thread go only after a minute, so each storm of the robustness suite may leave a few
     * more idle threads than the one before, up to the pool's maximum. Tomcat's executor does this
     * (seen: 88, 99, 107, ... 152 idle threads after eight storms, all waiting for work). The leak
     * check then bounds the threads by the pool's maximum instead of by the first storm.
     */
    ELASTIC_REQUEST_POOL,

    /**
     * HTTP/1.0 is not spoken: a request line that does not end in {@code HTTP/1.1} gets no answer and
     * the connection is closed. Helidon 4 supports only HTTP/1.1 on its HTTP/1 listener (its
     * connection selector closes anything else); no option changes it.
     */
    NO_HTTP_1_0,

    /**
     * {@code close()} (and a start that failed) leaves one idle daemon thread of the runtime behind,
     * named as given, which ends only when the stopped server is garbage-collected. Helidon 4.5.0
     * creates a {@code java.util.Timer} for idle connections with each server and never cancels it
     * (helidon-io/helidon#11939, fixed later).
     */
    LEAVES_AN_IDLE_TIMER_THREAD("helidon-idle-connection-timer");

    private final String threadName;

    Deviation() {
        this(null);
    }

    Deviation(String threadName) {
        this.threadName = threadName;
    }

    /** For {@link #LEAVES_AN_IDLE_TIMER_THREAD}: the name of the thread left behind. */
    String threadName() {
        return threadName;
    }
}
