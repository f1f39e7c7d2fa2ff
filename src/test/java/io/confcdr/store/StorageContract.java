package io.confcdr.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The storage under test, opened once per test class. Subclasses say how to open an empty one; tests
 * isolate themselves by using partners of their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StorageContract {

    /** The store's clock: sub-millisecond on purpose, date_insert must be truncated to milliseconds. */
    protected static final Instant NOW = Instant.parse("2025-01-02T03:04:05.678901Z");

    protected Storage storage;

    /** An empty, migrated storage whose date_insert comes from {@code clock}. */
    protected abstract Storage openStorage(Clock clock);

    @BeforeAll
    void openStorage() {
        storage = openStorage(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    void closeStorage() {
        if (storage != null) {
            storage.close();
        }
    }
}
