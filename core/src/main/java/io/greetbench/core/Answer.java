package io.greetbench.core;

/**
 * What the contract says to send back for one request: a status and the body a GET gets.
 *
 * <p>A server writes the status, the {@link GreetingContract} headers, {@code Content-Length:
 * body().length}, and the body unless the request was HEAD. The body array may be shared between
 * answers (the error answers are constants): servers must treat it as read-only.
 */
public final class Answer {
    private final int status;
    private final String reason;
    private final byte[] body;

    Answer(int status, String reason, byte[] body) {
        this.status = status;
        this.reason = reason;
        this.body = body;
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** The standard reason phrase for {@link #status()}. */
    public String reason() {
        return reason;
    }

    /** The body bytes (UTF-8 text). Read-only. */
    public byte[] body() {
        return body;
    }

    /** Whether the response must carry {@code Allow: GET, HEAD} (it is a 405). */
    public boolean needsAllowHeader() {
        return status == 405;
    }

    @Override
    public String toString() {
        return status + " " + reason + " (" + body.length + " bytes)";
    }
}
