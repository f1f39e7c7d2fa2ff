package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.auth.Scopes;
import io.confcdr.boot.Services;
import io.confcdr.model.Cdr;
import io.confcdr.model.FieldSelection;
import io.confcdr.push.ResumeToken;
import io.confcdr.push.StreamSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET …/calls/stream} over HTTP on a real server, run against every store: new records arrive as
 * events, filters, field selection and visibility apply, heartbeats flow, a resumed stream has no gap and
 * no repeat even while records are being ingested, a client that stops reading is cut off, and every
 * refusal is the error document.
 */
abstract class StreamApiContract extends AbstractApiTest {

    static final String STREAM = "/core/v2/app/conference/calls/stream";
    static final Duration WAIT = Duration.ofSeconds(10);
    /** Short intervals so the tests are fast; a small page so resumes cross page boundaries. */
    static final StreamSettings FAST = new StreamSettings(
            Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofMillis(1500), 25);

    protected Services services;

    @BeforeEach
    void startStreamingServer() {
        server.close();
        services = Services.over(storage, clock, FAST);
        server = ApiServer.start(services, config());
    }

    /** Runs before the server and store close: a stream must end once its client has gone. */
    @AfterEach
    void everyStreamEndsWhenItsClientLeaves() {
        awaitTrue("the server forgets every stream whose client left", () -> services.streams().openStreams() == 0);
    }

    private EventStreamClient open(String query, String token, String lastEventId) {
        return EventStreamClient.open(server.port(), STREAM + query, token, lastEventId);
    }

    private void ingest(List<Cdr> records, String token) {
        HttpResponse<String> response = post(ndjson(records), "application/x-ndjson", token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static List<Cdr> legs(int from, int count, String partnerSid) {
        return IntStream.range(from, from + count).mapToObj(i -> Calls.leg(i, partnerSid)).toList();
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void awaitTrue(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String callSid(EventStreamClient.Event event) {
        return JSON.readTree(event.data()).get("call_sid").stringValue();
    }

    @Test
    void recordsStoredAfterConnectingArriveAsEventsInInsertionOrderWithWhatTheRecordRouteReturns() {
        ingest(legs(0, 2, ACME), acmeIngest);
        List<Cdr> later = new ArrayList<>(legs(10, 3, ACME));
        later.addAll(Calls.tricky(ACME));
        try (var stream = open("", acmeReader, null)) {
            assertThat(stream.header("content-type")).startsWith("text/event-stream");
            assertThat(stream.header("cache-control")).isEqualTo("no-cache");
            ingest(later, acmeIngest);

            List<EventStreamClient.Event> events = stream.nextEvents(later.size(), WAIT);

            assertThat(events).extracting(StreamApiContract::callSid)
                    .as("records stored before connecting are not sent; later ones are, in order")
                    .containsExactlyElementsOf(later.stream().map(Cdr::callSid).toList());
            for (var event : events) {
                HttpResponse<String> record = getRecord(callSid(event), acmeReader);
                assertThat(JSON.readTree(event.data())).isEqualTo(json(record));
                assertThat(event.id()).isEqualTo(ResumeToken.of(callSid(event))).isNotEqualTo(callSid(event));
            }
        }
    }

    @Test
    void theFilterAndTheFieldSelectionApplyToEveryEvent() {
        List<Cdr> batch = List.of(Calls.leg(1, ACME), Calls.leg(0, ACME), Calls.leg(2, ACME),
                Calls.leg(3, ACME).toBuilder().role("host").build());
        try (var stream = open("?filter=" + encoded("role eq host") + "&include_fields=call_sid,role,duration"
                + "&exclude_fields=duration", acmeReader, null)) {
            ingest(batch, acmeIngest);

            List<EventStreamClient.Event> events = stream.nextEvents(2, WAIT);

            assertThat(events).extracting(event -> JSON.readTree(event.data()).toString()).containsExactly(
                    "{\"call_sid\":\"" + Calls.leg(0, ACME).callSid() + "\",\"role\":\"host\"}",
                    "{\"call_sid\":\"" + Calls.leg(3, ACME).callSid() + "\",\"role\":\"host\"}");
        }
    }

    @Test
    void aTokenNeverReceivesAnotherTenantsRecord() {
        String globexIngest = issue(GLOBEX, Scopes.CDR_INGEST);
        try (var acme = open("", acmeReader, null); var subtree = open("", acmeSubtreeReader, null)) {
            ingest(legs(0, 2, GLOBEX), globexIngest);
            ingest(legs(10, 2, EMEA), emeaIngest);
            ingest(legs(20, 1, ACME), acmeIngest);

            assertThat(callSid(acme.nextEvent(WAIT))).as("the first record acme's own token may see")
                    .isEqualTo(Calls.leg(20, ACME).callSid());
            assertThat(subtree.nextEvents(3, WAIT)).extracting(StreamApiContract::callSid).as("read_descendant adds EMEA, never Globex")
                    .containsExactly(Calls.leg(10, EMEA).callSid(), Calls.leg(11, EMEA).callSid(), Calls.leg(20, ACME).callSid());
        }
    }

    @Test
    void heartbeatCommentsArriveWhileNothingIsStored() {
        try (var stream = open("", acmeReader, null)) {
            for (int i = 0; i < 3; i++) {
                assertThat(stream.next(WAIT)).isEqualTo(new EventStreamClient.Comment("keep-alive"));
            }
        }
    }

    @Test
    void resumingWithLastEventIdGivesNoGapAndNoRepeatWhileRecordsAreIngestedConcurrently() throws Exception {
        Cdr start = Calls.leg(0, ACME);
        ingest(List.of(start), acmeIngest);
        int batches = 40;
        int perBatch = 7;
        int total = batches * perBatch;
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int b = 0; b < batches; b++) {
                List<Cdr> batch = new ArrayList<>(legs(1 + b * perBatch, perBatch, ACME));
                batch.add(Calls.leg(1000 + b, GLOBEX)); // never for acme's eyes
                ingestAsOperator(batch);
            }
        });
        List<String> received = new ArrayList<>();
        String lastId = ResumeToken.of(start.callSid());
        int connections = 0;
        try {
            // The first connection resumes through after=, the others through Last-Event-ID; each leaves
            // after a few events, at whatever point the writer has reached.
            while (received.size() < total) {
                connections++;
                try (var stream = connections == 1 ? open("?after=" + lastId, acmeReader, null) : open("", acmeReader, lastId)) {
                    int take = Math.min(1 + (connections * 13) % 29, total - received.size());
                    for (var event : stream.nextEvents(take, WAIT)) {
                        received.add(callSid(event));
                        lastId = event.id();
                    }
                }
            }
            writer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            writer.cancel(true);
        }

        assertThat(connections).isGreaterThan(5);
        assertThat(received).as("every record after the start exactly once, in insertion order")
                .containsExactlyElementsOf(listedCallSids(acmeReader).subList(1, total + 1))
                .doesNotHaveDuplicates()
                .allMatch(sid -> !sid.equals(Calls.leg(1000, GLOBEX).callSid()));
        awaitTrue("the server forgets every stream whose client left", () -> services.streams().openStreams() == 0);
    }

    private void ingestAsOperator(List<Cdr> batch) {
        var report = services.ingestor().ingestNdjson(new java.io.ByteArrayInputStream(ndjson(batch).getBytes(StandardCharsets.UTF_8)));
        assertThat(report.rejected()).isEmpty();
    }

    @Test
    void aClientThatStopsReadingIsDisconnectedWithinTheStallBound() throws IOException {
        // Records of about 6 KB: a few thousand overflow any socket buffer between server and client.
        String kb = "x".repeat(1000);
        List<Cdr> big = IntStream.range(0, 2400).mapToObj(i -> Calls.leg(i, ACME).toBuilder()
                .userAgent(kb).customName(kb).disconnectReason(kb).audioKey(kb).addressDst(kb).build()).toList();
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
            socket.getOutputStream().write(("GET " + STREAM + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + acmeReader + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            awaitTrue("the stream is open", () -> services.streams().openStreams() == 1);
            // Read just the response head, so the stream is positioned before the records are stored.
            InputStream in = socket.getInputStream();
            socket.setSoTimeout((int) WAIT.toMillis());
            String head = "";
            while (!head.endsWith("\r\n\r\n")) {
                head += (char) in.read();
            }
            assertThat(head).startsWith("HTTP/1.1 200");
            for (int i = 0; i < big.size(); i += 800) {
                ingest(big.subList(i, i + 800), acmeIngest);
            }

            awaitTrue("the server drops the stream of a client that does not read",
                    () -> services.streams().openStreams() == 0);

            long bytes = 0;
            boolean closed = false;
            byte[] buffer = new byte[64 * 1024];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    bytes += n;
                }
                closed = true;
            } catch (SocketTimeoutException stillOpen) {
                closed = false;
            } catch (SocketException reset) {
                closed = true;
            }
            assertThat(closed).as("the connection was closed by the server").isTrue();
            assertThat(bytes).as("the server gave up long before sending everything").isLessThan(big.size() * 5000L);
        }
    }

    @Test
    void refusalsAreTheErrorDocumentBeforeAnyEvent() {
        Cdr globex = Calls.leg(5, GLOBEX);
        ingest(List.of(globex), issue(GLOBEX, Scopes.CDR_INGEST));

        assertRefused(get(STREAM, null), 401, "Authorization", "");
        assertRefused(get(STREAM, acmeIngest), 403, null, "app.read or app.manage");
        assertRefused(get(STREAM + "?filter=" + encoded("role eq"), acmeReader), 400, "filter", "");
        assertRefused(get(STREAM + "?include_fields=nope", acmeReader), 400, "include_fields", "unknown attribute 'nope'");
        assertRefused(get(STREAM + "?after=%25%25", acmeReader), 400, "after", "is not the id of an event");
        assertRefused(withLastEventId("!!not base64", acmeReader), 400, "Last-Event-ID", "is not the id of an event");
        HttpResponse<String> unknown = withLastEventId(ResumeToken.of("no-such-call"), acmeReader);
        HttpResponse<String> invisible = withLastEventId(ResumeToken.of(globex.callSid()), acmeReader);
        assertRefused(invisible, 400, "Last-Event-ID", "is not the id of an event");
        assertThat(invisible.body()).as("an invisible record answers as one that does not exist").isEqualTo(unknown.body());
        assertThat(services.streams().openStreams()).isZero();
    }

    private HttpResponse<String> withLastEventId(String id, String token) {
        return send(HttpRequest.newBuilder(java.net.URI.create(url(STREAM)))
                .header("Authorization", "Bearer " + token).header("Last-Event-ID", id).GET().build());
    }

    private static void assertRefused(HttpResponse<String> response, int status, String field, String messagePart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode error = json(response).get("errors").get(0);
        assertThat(error.get("field").isNull() ? null : error.get("field").stringValue()).isEqualTo(field);
        assertThat(error.get("message").stringValue()).contains(messagePart);
    }
}
