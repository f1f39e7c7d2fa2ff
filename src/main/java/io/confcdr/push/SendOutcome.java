package io.confcdr.push;

/** What happened to one POST of a delivery. */
sealed interface SendOutcome {

    long latencyMillis();

    /** The receiver answered with a status; 2xx acknowledges. */
    record Answered(int status, long latencyMillis) implements SendOutcome {
        boolean acknowledges() {
            return status >= 200 && status < 300;
        }
    }

    /** No answer: refused, timed out, reset, closed. {@code error} says which, for the delivery log. */
    record NoAnswer(String error, long latencyMillis) implements SendOutcome {
    }
}
