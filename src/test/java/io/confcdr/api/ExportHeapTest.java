package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.auth.Scopes;
import io.confcdr.auth.TokenIssuer;
import io.confcdr.model.Partner;
import io.confcdr.store.Storage;
import io.confcdr.store.sql.PostgresTestDatabase;
import io.confcdr.store.sql.SqlStorageFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The export streams: a server in a child JVM limited to 32 MB of heap exports 50 000 records of
 * PostgreSQL (about 1.5 KB each as NDJSON, so the body is more than twice the heap, and so are the
 * rows the driver would buffer if it fetched the result at once) as NDJSON and as CSV, completely, and
 * is still alive afterwards. A server holding the records, the rows or the body would die of
 * OutOfMemoryError (the child exits at the first one).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportHeapTest {

    private static final int ROWS = 50_000;
    private static final String PARTNER = "heap-partner";
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private String url;
    private Storage storage;
    private String token;

    @BeforeAll
    void load() throws SQLException, IOException {
        url = PostgresTestDatabase.freshSchemaUrl(getClass());
        storage = SqlStorageFactory.open(null, url, Clock.systemUTC());
        storage.partners().create(new Partner(PARTNER, "Heap", null, Partner.ACTIVE, START, Map.of()));
        token = new TokenIssuer(storage.tokens(), Clock.systemUTC())
                .issue(PARTNER, "heap", Set.of(Scopes.APP_READ), null).secret();
        String agent = "agent/" + "x".repeat(400);
        String address = "\"Long, Name\" <sip:" + "a".repeat(200) + "@example.com>";
        try (var connection = DriverManager.getConnection(url)) {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY cdr (call_sid, partner_sid, meeting_sid, role, date_start, date_stop, date_insert, duration,"
                            + " duration_meeting, user_agent, address_src, address_dst) FROM STDIN WITH (FORMAT csv)");
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < ROWS; i++) {
                Instant start = START.plusSeconds(i * 60L);
                Instant stop = start.plusSeconds(60 + i % 600);
                rows.append("call-").append(i).append(',').append(PARTNER).append(",meeting-").append(i / 10)
                        .append(",participant,").append(start).append(',').append(stop).append(',').append(stop)
                        .append(',').append((60L + i % 600) * 1_000_000).append(",0,").append(agent).append(i)
                        .append(",\"").append(address.replace("\"", "\"\"")).append("\",\"").append(address.replace("\"", "\"\""))
                        .append(i).append("\"\n");
                if (rows.length() > 1 << 20) {
                    byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    rows.setLength(0);
                }
            }
            byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
        }
    }

    @AfterAll
    void close() {
        if (storage != null) {
            storage.close();
        }
    }

    @Test
    void aServerWith32MegabytesOfHeapExportsFiftyThousandRecordsAsNdjsonAndCsv() throws Exception {
        try (var child = new ChildServer("postgres", url, List.of("-Xmx32m", "-XX:+UseSerialGC"))) {
            long[] ndjson = export(child.port(), "ndjson");
            long[] csv = export(child.port(), "csv");
            boolean aliveAfterwards = child.isAlive();
            ChildServer.Ended ended = child.stop();

            assertThat(ndjson[0]).isEqualTo(ROWS);
            assertThat(csv[0]).isEqualTo(ROWS + 1);
            assertThat(ndjson[1]).isGreaterThan(2 * ended.maxHeap());
            assertThat(aliveAfterwards).isTrue();
            assertThat(ended.exitCode()).as(ended.stderr()).isZero();
            assertThat(ended.stderr()).doesNotContain("OutOfMemoryError");
        }
    }

    /** The whole body read and dropped; returns {lines, bytes}. */
    private long[] export(int port, String format) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + ExportApiContract.EXPORT + "?format=" + format))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(2)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        long[] counted = new long[2];
        try (InputStream body = response.body()) {
            body.transferTo(new OutputStream() {
                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    counted[1] += len;
                    for (int i = off; i < off + len; i++) {
                        if (b[i] == '\n') {
                            counted[0]++;
                        }
                    }
                }
            });
        }
        return counted;
    }
}
