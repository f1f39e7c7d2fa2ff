package io.confcdr.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confcdr.model.Cdr;
import io.confcdr.query.Visibility;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing and opening the database from configuration. */
class StoragesTest {

    @TempDir
    Path tempDir;

    @Test
    void embeddedStoreIsCreatedInTheDataDirectoryAndKeepsRecordsAcrossRestarts() {
        Path dataDir = tempDir.resolve("nested/data");
        var records = new TestRecords();
        Cdr cdr = records.call("kept").build();
        try (Storage storage = Storages.open(dataDir, null)) {
            storage.cdrs().insert(List.of(cdr));
        }

        try (Storage reopened = Storages.open(dataDir, null, Clock.systemUTC())) {
            assertThat(Files.exists(dataDir.resolve("confcdr.db"))).isTrue();
            assertThat(reopened.isAvailable()).isTrue();
            assertThat(reopened.cdrs().find(cdr.callSid(), Visibility.of(records.partnerSid()))).isPresent();
        }
    }

    @Test
    void unsupportedDatabaseUrlIsRejectedSayingWhatIsSupported() {
        assertThatThrownBy(() -> Storages.open(tempDir, "jdbc:mysql://localhost/cdr"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql:");
    }
}
