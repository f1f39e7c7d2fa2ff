package io.confcdr.cli;

/** The process exit codes scripts can rely on. */
final class ExitCodes {

    static final int OK = 0;
    /** Some records were rejected (the others were stored). */
    static final int REJECTED = 1;
    /** Bad usage or configuration: wrong option, unknown partner, unreachable store. */
    static final int USAGE = 2;
    /** Anything else: a bug or a failing machine. */
    static final int FAILURE = 3;

    private ExitCodes() {
    }
}
