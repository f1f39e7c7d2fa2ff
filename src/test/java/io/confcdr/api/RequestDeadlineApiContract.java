package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.Cdr;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The total deadline of a request ({@link ApiConfig#requestDeadline}) on a store with a small pool: database
 * work blocked by another connection's lock ends with the JSON 503 soon after the deadline and gives its
 * connection back; an export whose client stops reading holds no connection while it waits, and still
 * delivers every record once, in order, when the client reads on.
 */
abstract class RequestDeadlineApiContract extends AbstractApiTest {

    static final Duration DEADLINE = Duration.ofMillis(1_000);
    /** Scheduling, the cancel's round trip and the answer, on a loaded machine. */
    static final long MARGIN_MILLIS = 800;
    static final int POOL_SIZE = 2;
    /** More than a chunk, the queue and the sockets hold, so that chunks are read after the stall too. */
    static final int RECORDS = 6_000;
    private static final Pattern ACTIVE = Pattern.compile("(?m)^hikaricp_connections_active\\{[^}]*} ([0-9.]+)$");

    @Override
    protected ApiConfig config() {
        return super.config().withRequestDeadline(DEADLINE);
    }

    /** Takes, on a connection of its own, a lock that {@link #blockedRequest()} must wait for; close releases it. */
    protected abstract AutoCloseable holdLock() throws Exception;

    /** A request whose database work waits for the lock of {@link #holdLock()}. */
    protected abstract HttpRequest.Builder blockedRequest();

    @Test
    void databaseWorkBlockedPastTheDeadlineEndsWithA503AndReturnsItsConnection() throws Exception {
        assertThat(postNdjson(ndjson(List.of(Calls.leg(1, ACME)))).statusCode()).isEqualTo(200);
        // The token's last use is written in the background once; let that write finish before the lock.
        Thread.sleep(200);
        assertThat(activeConnectionsSoon()).isZero();
        HttpResponse<String> blocked;
        long millis;
        try (AutoCloseable lock = holdLock()) {
            long start = System.nanoTime();
            blocked = send(blockedRequest().timeout(Duration.ofSeconds(8)).build());
            millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(activeConnectionsSoon()).as("connections in use after the 503").isZero();
        }
        assertThat(blocked.statusCode()).isEqualTo(503);
        assertThat(blocked.headers().firstValue("Retry-After")).contains("1");
        assertThat(json(blocked).get("message").stringValue()).isEqualTo("Service unavailable");
        assertThat(blocked.body()).contains("did not finish within its deadline of 1 s");
        assertThat(millis).as("ms to the answer").isBetween(DEADLINE.toMillis() - 50, DEADLINE.toMillis() + MARGIN_MILLIS);
        // The connection that was cut works: the same request succeeds once the lock is gone.
        assertThat(send(blockedRequest().build()).statusCode()).isBetween(200, 299);
    }

    @Test
    void anExportWhoseClientStallsHoldsNoConnectionAndThenDeliversEveryRecordOnceInOrder() throws Exception {
        List<String> sids = new ArrayList<>();
        List<Cdr> legs = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            // About 4 KB a record: far more in all than the sockets, the queue and a chunk hold.
            Cdr leg = Calls.leg(i, ACME).toBuilder().customName("x".repeat(1000)).userAgent("y".repeat(1000))
                    .disconnectReason("z".repeat(1000)).audioKey("k".repeat(1000)).build();
            legs.add(leg);
            sids.add(leg.callSid());
        }
        // Straight into the store: ingest over HTTP is not what is tested, and would take seconds.
        storage.cdrs().insert(legs);

        try (Socket client = stalledExport()) {
            Thread.sleep(DEADLINE.toMillis() + 500);
            assertThat(activeConnectionsSoon()).as("connections in use while the export's client stalls").isZero();
            // A pool of two, and the export holds neither: reads beside it answer at once.
            for (int i = 0; i < 2 * POOL_SIZE; i++) {
                assertThat(send(HttpRequest.newBuilder(URI.create(url("/core/v2/app/conference/calls?limit=5")))
                        .header("Authorization", "Bearer " + acmeReader).timeout(Duration.ofSeconds(3)).build())
                        .statusCode()).isEqualTo(200);
                assertThat(getRecord(sids.get(i), acmeReader).statusCode()).isEqualTo(200);
            }

            // Reads on at full speed.
            client.setReceiveBufferSize(256 * 1024);
            String body = bodyOf(readAll(client.getInputStream()));
            List<String> exported = new ArrayList<>();
            for (String line : body.split("\n")) {
                if (!line.isEmpty()) {
                    exported.add(JSON.readTree(line).get("call_sid").stringValue());
                }
            }
            assertThat(exported).containsExactlyElementsOf(sids);
        }
    }

    /** An export over HTTP/1.0 (the body ends at the close) on a socket with a tiny receive buffer, unread. */
    private Socket stalledExport() throws IOException {
        var socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
        socket.setSoTimeout(20_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + ExportApiContract.EXPORT + " HTTP/1.0\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + acmeReader + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        var all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }

    private static String bodyOf(byte[] response) {
        String text = new String(response, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        assertThat(text).startsWith("HTTP/1.1 200");
        return text.substring(end + 4);
    }

    /** The pool's connections in use, once they have settled (a connection is returned just after the answer). */
    protected long activeConnectionsSoon() throws InterruptedException {
        long active = -1;
        for (int i = 0; i < 20; i++) {
            active = activeConnections();
            if (active == 0) {
                return 0;
            }
            Thread.sleep(25);
        }
        return active;
    }

    private long activeConnections() {
        String metrics = get("/metrics", null).body();
        Matcher matcher = ACTIVE.matcher(metrics);
        assertThat(matcher.find()).as("hikaricp_connections_active in /metrics").isTrue();
        return (long) Double.parseDouble(matcher.group(1));
    }
}
