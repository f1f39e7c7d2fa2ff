package io.confcdr.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Removes a store the demo made for itself, so each demo run does not leave megabytes in the temp directory. */
final class TemporaryStore {

    private static final Logger LOG = LoggerFactory.getLogger(TemporaryStore.class);

    private TemporaryStore() {
    }

    /** Deletes {@code dir} and everything in it; a failure is logged, never thrown (this runs at exit). */
    static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("could not remove the demo store {}: {}", dir, e.getMessage());
        }
    }
}
