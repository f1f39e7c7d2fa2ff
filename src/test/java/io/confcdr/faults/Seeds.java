package io.confcdr.faults;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** The random seed of a fault test (printed; {@code -Dconfcdr.faults.seed=N} repeats a run) and where its child servers log. */
final class Seeds {

    private Seeds() {
    }

    static long next() {
        String fixed = System.getProperty("confcdr.faults.seed");
        return fixed == null || fixed.isBlank() ? System.nanoTime() : Long.parseLong(fixed);
    }

    /** A new log file under target/faults, named after the test class and the time. */
    static Path log(Class<?> test) {
        return Path.of("target", "faults", test.getSimpleName() + "-"
                + LocalTime.now().format(DateTimeFormatter.ofPattern("HHmmss-SSS")) + ".log");
    }
}
