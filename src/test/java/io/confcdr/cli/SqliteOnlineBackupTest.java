package io.confcdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.api.ApiConfig;
import io.confcdr.api.ApiServer;
import io.confcdr.auth.Scopes;
import io.confcdr.auth.TokenIssuer;
import io.confcdr.boot.Services;
import io.confcdr.model.Partner;
import io.confcdr.query.Visibility;
import io.confcdr.store.Storage;
import io.confcdr.store.sql.SqlStorageFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup} copies the embedded store while a server over the same data directory keeps ingesting, and
 * {@code restore} puts the copy in place: the operator's way to keep a SQLite store safe without stopping it.
 */
class SqliteOnlineBackupTest {

    private static final Clock CLOCK = Clock.systemUTC();
    private static final String PARTNER = UUID.randomUUID().toString();

    @TempDir
    Path dir;

    @Test
    void aBackupTakenDuringIngestRestoresEveryRecordAcknowledgedBeforeItStarted() throws Exception {
        Path data = dir.resolve("data");
        Path backup = dir.resolve("confcdr-backup.db");
        var acknowledged = new ConcurrentLinkedQueue<String>();
        var stop = new AtomicBoolean();
        var failure = new AtomicReference<Throwable>();
        List<String> before;
        try (Services services = Services.open(data, null, CLOCK)) {
            services.storage().partners().create(new Partner(PARTNER, "Acme", null, Partner.ACTIVE, CLOCK.instant()));
            String token = new TokenIssuer(services.storage().tokens(), CLOCK)
                    .issue(PARTNER, "bridge", Set.of(Scopes.CDR_INGEST), null).secret();
            try (ApiServer server = ApiServer.start(services,
                    new ApiConfig("127.0.0.1", 0, null, ApiConfig.DEFAULT_MAX_INGEST_BYTES, 1e6, 1_000_000))) {
                Thread bridge = Thread.ofPlatform().start(() -> ingestUntil(stop, server.port(), token, acknowledged, failure));
                awaitAtLeast(acknowledged, 200, failure);
                before = List.copyOf(acknowledged);

                var result = new CliHarness().run("backup", "--data", data.toString(), "--output", backup.toString());

                assertThat(result.exitCode()).as(result.err()).isZero();
                assertThat(result.out()).contains("backup of " + data + " written to " + backup);
                awaitAtLeast(acknowledged, acknowledged.size() + 40, failure);
                stop.set(true);
                bridge.join();
            }
        }
        assertThat(failure.get()).isNull();

        Path restored = dir.resolve("restored");
        var restore = new CliHarness().withServicesOpener((d, url) -> Services.open(d, url, CLOCK))
                .run("restore", "--input", backup.toString(), "--data", restored.toString());

        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(integrityCheck(restored.resolve("confcdr.db"))).isEqualTo("ok");
        try (Storage storage = SqlStorageFactory.sqlite(restored, CLOCK)) {
            List<String> missing = new ArrayList<>();
            for (String callSid : before) {
                if (storage.cdrs().find(callSid, Visibility.of(PARTNER)).isEmpty()) {
                    missing.add(callSid);
                }
            }
            assertThat(missing).as("acknowledged before the backup, missing from it").isEmpty();
        }
    }

    @Test
    void restoreRefusesToReplaceAStoreWithoutForce() {
        Path data = dir.resolve("data");
        SqlStorageFactory.sqlite(data, CLOCK).close();
        Path backup = dir.resolve("b.db");
        assertThat(new CliHarness().run("backup", "--data", data.toString(), "--output", backup.toString()).exitCode()).isZero();

        var refused = new CliHarness().run("restore", "--input", backup.toString(), "--data", data.toString());

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).isEqualTo("confcdr: " + data + " holds a store already; restore into an empty "
                + "directory, or give --force to replace it (stop the server using it first)\n");
        var forced = new CliHarness().withServicesOpener((d, url) -> Services.open(d, url, CLOCK))
                .run("restore", "--input", backup.toString(), "--data", data.toString(), "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
    }

    @Test
    void backupRefusesAnExistingOutputFileAndRestoreAFileThatIsNotAStore() throws Exception {
        Path data = dir.resolve("data");
        SqlStorageFactory.sqlite(data, CLOCK).close();
        Path taken = Files.writeString(dir.resolve("taken.db"), "keep me");

        var backup = new CliHarness().run("backup", "--data", data.toString(), "--output", taken.toString());
        var restore = new CliHarness().run("restore", "--input", taken.toString(), "--data", dir.resolve("new").toString());

        assertThat(backup.exitCode()).isEqualTo(2);
        assertThat(backup.err()).isEqualTo("confcdr: " + taken + " exists already; give a new file name\n");
        assertThat(Files.readString(taken)).isEqualTo("keep me");
        assertThat(restore.exitCode()).isEqualTo(2);
        assertThat(restore.err()).startsWith("confcdr: " + taken + " is not a confcdr store").doesNotContain("Exception");
        assertThat(restore.err().lines()).hasSize(1);
    }

    private static void ingestUntil(AtomicBoolean stop, int port, String token, ConcurrentLinkedQueue<String> acknowledged,
                                    AtomicReference<Throwable> failure) {
        HttpClient http = HttpClient.newHttpClient();
        try {
            while (!stop.get()) {
                List<String> sids = new ArrayList<>();
                StringBuilder body = new StringBuilder();
                for (int i = 0; i < 20; i++) {
                    String sid = UUID.randomUUID().toString();
                    sids.add(sid);
                    body.append(record(sid)).append('\n');
                }
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/ingest/v1/conference/calls"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200 || !response.body().contains("\"accepted\":20")) {
                    throw new AssertionError("ingest answered " + response.statusCode() + ": " + response.body());
                }
                acknowledged.addAll(sids);
            }
        } catch (Throwable e) {
            failure.set(e);
        }
    }

    private static String record(String callSid) {
        return "{\"call_sid\":\"" + callSid + "\",\"partner_sid\":\"" + PARTNER + "\",\"date_start\":\"2024-12-14T10:03:14Z\","
                + "\"date_join\":\"2024-12-14T10:03:30Z\",\"date_disconnected\":\"2024-12-14T10:04:04Z\","
                + "\"date_stop\":\"2024-12-14T10:04:04Z\",\"role\":\"host\",\"direction\":\"inbound\","
                + "\"number_src\":\"+17605692222\",\"address_src\":\"<sip:+17605692222@12.34.56.78>\",\"disconnect_cause\":16}";
    }

    private static void awaitAtLeast(ConcurrentLinkedQueue<String> acknowledged, int count, AtomicReference<Throwable> failure)
            throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (acknowledged.size() < count) {
            if (failure.get() != null) {
                throw new AssertionError("the ingesting client failed", failure.get());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + acknowledged.size() + " of " + count + " records acknowledged in 60 s");
            }
            Thread.sleep(10);
        }
    }

    private static String integrityCheck(Path database) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             ResultSet result = connection.createStatement().executeQuery("PRAGMA integrity_check")) {
            result.next();
            return result.getString(1);
        }
    }
}
