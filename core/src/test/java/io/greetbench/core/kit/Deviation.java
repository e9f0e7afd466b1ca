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
    PARSER_REFUSES_MALFORMED_ESCAPES
}
