package io.confcdr.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confcdr.config.ConfigLoader;
import io.confcdr.config.ServeConfig;
import io.confcdr.config.Setting;
import io.confcdr.ingest.BatchTooLargeException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The composition root takes the configured store and limits, not its defaults. */
class ServicesFromConfigTest {

    @TempDir
    Path dir;

    @Test
    void theConfiguredRecordsPerBatchBoundIngestOnTheConfiguredStore() {
        ServeConfig config = ConfigLoader.load(null, name -> null, Map.of(Setting.DATA, dir.toString(),
                Setting.RECORDS_PER_BATCH, "2", Setting.POOL_SIZE, "2"));

        try (Services services = Services.open(config, Clock.systemUTC())) {
            assertThat(services.storage().writeProblem()).isEmpty();
            assertThatThrownBy(() -> services.ingestor().ingestNdjson(
                    new ByteArrayInputStream("{}\n{}\n{}\n".getBytes(StandardCharsets.UTF_8))))
                    .isInstanceOf(BatchTooLargeException.class);
        }
        assertThat(dir.resolve("confcdr.db")).exists();
    }
}
