package io.greetbench.core.kit;

/**
 * A documented place where a runtime's HTTP layer answers a request itself, before the handler and
 * so before the contract (see "Where runtimes answer first" in {@code docs/contract.md}).
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
    PARSER_READS_UNKNOWN_VERSION_AS_HTTP_1_1
}
