package io.greetbench.threadpool;

/** What the blocking server needs to know of one parsed request head. */
final class HttpRequestHead {
    final String method;
    final String target;
    final boolean http10;
    final boolean keepAlive;
    final long contentLength;
    final boolean chunked;

    HttpRequestHead(String method, String target, boolean http10, boolean keepAlive, long contentLength,
            boolean chunked) {
        this.method = method;
        this.target = target;
        this.http10 = http10;
        this.keepAlive = keepAlive;
        this.contentLength = contentLength;
        this.chunked = chunked;
    }
}
