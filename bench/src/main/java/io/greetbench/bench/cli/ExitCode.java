package io.greetbench.bench.cli;

/** greetbench's exit codes, one definition each. */
final class ExitCode {
    static final int OK = 0;
    /** A run finished but some measurements failed (their reasons are in the report). */
    static final int SOME_FAILED = 1;
    /** A mistake the user can fix: a bad flag, a busy port, an unknown runtime, a missing tool. */
    static final int USAGE = 2;
    /** Stopped by Ctrl-C or SIGTERM before the pinned restart began (128 + SIGINT, as shells say it). */
    static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
