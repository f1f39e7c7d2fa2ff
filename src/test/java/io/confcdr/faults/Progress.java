package io.confcdr.faults;

import java.util.function.IntSupplier;

/** Waits for a counter to reach a value, at most 30 s, quoting the server's log when it does not. */
final class Progress {

    private Progress() {
    }

    static void await(IntSupplier counter, int atLeast, ChildServer server) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (counter.getAsInt() < atLeast) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no progress in 30 s: " + counter.getAsInt() + " of " + atLeast + "\nserver log:\n" + server.logText());
            }
            ChildServer.sleep(10);
        }
    }
}
