package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confcdr.model.Cdr;
import io.confcdr.model.CdrField;
import io.confcdr.store.FailingStorage;
import io.confcdr.store.Storage;
import io.confcdr.store.StoreUnavailableException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /core/v2/app/conference/calls/export} over HTTP on every store: what it streams is exactly
 * what the list route returns, in NDJSON or CSV that a real CSV parser reads back; it resumes with
 * {@code after} without loss or repeat; it really streams; and a database lost midway breaks the transfer
 * instead of ending it as a clean, short file.
 */
abstract class ExportApiContract extends AbstractApiTest {

    static final String EXPORT = "/core/v2/app/conference/calls/export";

    protected FailingStorage failing;

    /** A new, empty store of the kind under test. */
    protected abstract Storage newStore(Clock clock);

    @Override
    protected final Storage newStorage(Clock clock) {
        failing = new FailingStorage(newStore(clock));
        return failing;
    }

    /** Tricky legs and plain ones, ACME's and EMEA's and GLOBEX's, ingested over HTTP. */
    private void storeCalls(int plain) {
        List<Cdr> acme = new ArrayList<>(Calls.tricky(ACME));
        // Numbered from 1000 so that they never share a call_sid with the tricky legs or EMEA's.
        IntStream.range(1000, 1000 + plain).mapToObj(n -> Calls.leg(n, ACME)).forEach(acme::add);
        acme.add(Calls.leg(9001, ACME).toBuilder()
                .addressSrc("\"Smith, John\" <sip:+1555,1@x>;a=\"b,c\"\r\nsecond line")
                .customName("")
                .build());
        assertThat(postNdjson(ndjson(acme)).statusCode()).isEqualTo(200);
        assertThat(post(ndjson(List.of(Calls.leg(500, EMEA))), "application/x-ndjson", emeaIngest).statusCode()).isEqualTo(200);
    }

    /** Every item the list route returns for the token and query, page after page, as JSON objects. */
    private List<JsonNode> listed(String token, String query) {
        List<JsonNode> items = new ArrayList<>();
        String next = "/core/v2/app/conference/calls?limit=1000" + query;
        while (next != null) {
            JsonNode page = json(get(next, token));
            page.get("items").forEach(items::add);
            JsonNode link = page.get("pagination").get("next");
            next = link == null || link.isNull() ? null : URI.create(link.stringValue()).getRawPath() + "?" + URI.create(link.stringValue()).getRawQuery();
        }
        return items;
    }

    private static List<JsonNode> ndjsonItems(String body) {
        assertThat(body).endsWith("\n");
        return body.lines().map(line -> (JsonNode) JSON.readTree(line)).toList();
    }

    private static List<CSVRecord> csv(String body) {
        try {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(body)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A listed item as its CSV row would carry it: text as is, null as "", numbers as written. */
    private static Map<String, String> asCsvRow(JsonNode item, List<String> columns) {
        Map<String, String> row = new LinkedHashMap<>();
        for (String column : columns) {
            JsonNode value = item.get(column);
            row.put(column, value.isNull() ? "" : value.isString() ? value.stringValue() : value.toString());
        }
        return row;
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<InputStream> stream(String query, String token, String... headers) {
        var request = HttpRequest.newBuilder(URI.create(url(EXPORT + query))).header("Authorization", "Bearer " + token);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- what is exported -----------------------------------------------------------------------

    @Test
    void ndjsonExportHoldsExactlyTheRecordsOfTheListRoute() {
        storeCalls(30);

        HttpResponse<String> response = get(EXPORT, acmeSubtreeReader);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        assertThat(ndjsonItems(response.body())).containsExactlyElementsOf(listed(acmeSubtreeReader, ""));
        assertThat(ndjsonItems(response.body())).hasSize(35);
    }

    @Test
    void csvParsedBackHoldsExactlyTheRecordsOfTheListRouteWithEveryAwkwardCharacter() {
        storeCalls(30);

        HttpResponse<String> response = get(EXPORT + "?format=csv", acmeReader);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        List<String> alphabetical = java.util.Arrays.stream(CdrField.values()).map(CdrField::wireName).toList();
        assertThat(response.body()).startsWith(String.join(",", alphabetical) + "\r\n");
        List<Map<String, String>> rows = csv(response.body()).stream().map(CSVRecord::toMap)
                .map(LinkedHashMap::new).map(row -> (Map<String, String>) row).toList();
        List<Map<String, String>> expected = listed(acmeReader, "").stream().map(item -> asCsvRow(item, alphabetical)).toList();
        assertThat(rows).containsExactlyElementsOf(expected);
        assertThat(rows).anySatisfy(row -> assertThat(row.get("user_agent")).contains("\\ backslash \\\\ double"));
        assertThat(rows).anySatisfy(row -> assertThat(row.get("address_src")).contains("\"Smith, John\"").contains("\r\n"));
    }

    @Test
    void csvColumnsFollowIncludeFieldsOrderAndNullIsAnEmptyField() {
        storeCalls(2);

        Cdr first = Calls.leg(1000, ACME);
        Cdr mostlyNull = Calls.tricky(ACME).get(2);
        String body = get(EXPORT + "?format=csv&include_fields=duration,call_sid,bridge,custom_name&exclude_fields=custom_name"
                + "&filter=" + encoded("call_sid in (" + first.callSid() + "," + mostlyNull.callSid() + ")"), acmeReader).body();

        assertThat(body).isEqualTo("duration,call_sid,bridge\r\n"
                + "9.876," + mostlyNull.callSid() + ",\r\n"
                + first.duration().toWire() + "," + first.callSid() + ",conference-bridge\r\n");
    }

    @Test
    void anAcceptHeaderChoosesTheFormatWhenFormatIsNotGiven() {
        storeCalls(1);

        HttpResponse<String> csv = send(HttpRequest.newBuilder(URI.create(url(EXPORT)))
                .header("Authorization", "Bearer " + acmeReader).header("Accept", "application/json;q=0.9, text/csv").GET().build());
        HttpResponse<String> ndjson = send(HttpRequest.newBuilder(URI.create(url(EXPORT + "?format=ndjson")))
                .header("Authorization", "Bearer " + acmeReader).header("Accept", "text/csv").GET().build());

        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("address_dst,");
        assertThat(ndjson.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
    }

    @Test
    void tzChangesOnlyHowCsvWritesDates() {
        storeCalls(1);
        String filter = "&filter=" + encoded("date_start ge 2024-12-14T11:59:54Z and date_start lt 2024-12-14T11:59:55Z");

        List<CSVRecord> paris = csv(get(EXPORT + "?format=csv&include_fields=date_start&tz=Europe/Paris" + filter, acmeReader).body());
        List<CSVRecord> utc = csv(get(EXPORT + "?format=csv&include_fields=date_start" + filter, acmeReader).body());
        String ndjson = get(EXPORT + "?include_fields=date_start&tz=Europe/Paris" + filter, acmeReader).body();

        assertThat(paris).extracting(r -> r.get("date_start")).containsExactly("2024-12-14T12:59:54.000+01:00");
        assertThat(utc).extracting(r -> r.get("date_start")).containsExactly("2024-12-14T11:59:54.000Z");
        assertThat(ndjson).isEqualTo("{\"date_start\":\"2024-12-14T11:59:54.000Z\"}\n");
    }

    @Test
    void gzipIsUsedWhenTheClientAcceptsIt() throws IOException {
        storeCalls(30);

        HttpResponse<InputStream> response = stream("?format=csv", acmeReader, "Accept-Encoding", "gzip");

        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String body;
        try (var in = new GZIPInputStream(response.body())) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(body).isEqualTo(get(EXPORT + "?format=csv", acmeReader).body());
    }

    @Test
    void anExportSeesOnlyWhatTheCallerMayList() {
        storeCalls(3);

        assertThat(get(EXPORT, globexReader).body()).isEmpty();
        assertThat(ndjsonItems(get(EXPORT, emeaManager).body())).extracting(item -> item.get("partner_sid").stringValue())
                .containsExactly(EMEA);
        assertThat(get(EXPORT + "?format=csv&include_fields=call_sid", globexReader).body()).isEqualTo("call_sid\r\n");
    }

    // ---- resuming ---------------------------------------------------------------------------------

    @Test
    void resumingAfterTheLastReceivedRecordLosesAndRepeatsNothing() {
        storeCalls(40);
        for (String order : List.of("", "&order=" + encoded("date_stop desc"), "&order=disconnect_cause")) {
            List<JsonNode> whole = ndjsonItems(get(EXPORT + "?x=1" + order, acmeSubtreeReader).body());
            String cut = whole.get(16).get("call_sid").stringValue();

            List<JsonNode> resumed = new ArrayList<>(whole.subList(0, 17));
            resumed.addAll(ndjsonItems(get(EXPORT + "?after=" + cut + order, acmeSubtreeReader).body()));

            assertThat(resumed).as(order).containsExactlyElementsOf(whole);
        }
    }

    @Test
    void afterAnUnknownOrInvisibleRecordIsA400OnAfter() {
        storeCalls(1);

        for (String sid : List.of("no-such-call", Calls.leg(500, EMEA).callSid())) {
            HttpResponse<String> response = get(EXPORT + "?after=" + sid, acmeReader);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).get("errors").get(0).get("field").stringValue()).isEqualTo("after");
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        }
    }

    // ---- refusals ---------------------------------------------------------------------------------

    @Test
    void badParametersAre400sNamingTheParameter() {
        Map<String, String> cases = Map.of(
                "?tz=Mars/Olympus", "tz",
                "?format=xml", "format",
                "?filter=" + encoded("duration gt"), "filter",
                "?order=shuffle", "order",
                "?include_fields=nope", "include_fields");
        cases.forEach((query, field) -> {
            HttpResponse<String> response = get(EXPORT + query, acmeReader);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(json(response).get("errors").get(0).get("field").stringValue()).as(query).isEqualTo(field);
        });
    }

    @Test
    void anExportNeedsAReadingToken() {
        assertThat(get(EXPORT, null).statusCode()).isEqualTo(401);
        assertThat(get(EXPORT, acmeIngest).statusCode()).isEqualTo(403);
    }

    // ---- streaming and failure --------------------------------------------------------------------

    /**
     * The store is parked after 2 200 records until the client has read 64 KiB (a few hundred records), or
     * for 20 s. A server that collected the body before sending it would make the client wait out the 20 s
     * and the store would have gone on; a streaming one delivers while the store is still parked.
     */
    @Test
    void recordsReachTheClientWhileTheStoreIsStillReading() throws Exception {
        storeCalls(2500);
        var clientHasBytes = new CountDownLatch(1);
        var storeWentOn = new java.util.concurrent.atomic.AtomicBoolean();
        failing.onScannedRecord(index -> {
            if (index == 2200) {
                try {
                    clientHasBytes.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (index > 2200) {
                storeWentOn.set(true);
            }
        });

        HttpResponse<InputStream> response = stream("", acmeReader, "Accept-Encoding", "gzip");
        try (InputStream in = new GZIPInputStream(response.body())) {
            byte[] first = in.readNBytes(64 * 1024);
            boolean storeStillParked = !storeWentOn.get();
            clientHasBytes.countDown();

            assertThat(first).hasSize(64 * 1024);
            assertThat(storeStillParked).as("the first 64 KiB arrived while the store was parked mid-scan").isTrue();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().count()).isGreaterThan(2000);
        }
    }

    @Test
    void aDatabaseLostMidwayBreaksTheTransferInsteadOfEndingItCleanly() {
        storeCalls(3000);
        failing.failScansAfter(2500, () -> new StoreUnavailableException("connection reset", null));

        for (String[] headers : List.<String[]>of(new String[] {"X-Plain", "1"}, new String[] {"Accept-Encoding", "gzip"})) {
            for (String format : List.of("ndjson", "csv")) {
                HttpResponse<InputStream> response = stream("?format=" + format, acmeReader, headers);
                assertThat(response.statusCode()).isEqualTo(200);
                var received = new ByteArrayOutputStream();
                assertThatThrownBy(() -> {
                    InputStream in = headers[0].equals("Accept-Encoding") ? new GZIPInputStream(response.body()) : response.body();
                    in.transferTo(received);
                }).as("%s %s", format, headers[0]).isInstanceOf(IOException.class);
                assertThat(received.size()).as("some records came first").isGreaterThan(0);
            }
        }
    }

    @Test
    void aDatabaseDownBeforeTheFirstRecordIsThePlainErrorDocument() {
        storeCalls(10);
        failing.failScansAfter(0, () -> new StoreUnavailableException("connection refused", null));

        HttpResponse<String> response = get(EXPORT + "?format=csv", acmeReader);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(json(response).get("message").stringValue()).isEqualTo("Service unavailable");
    }
}
