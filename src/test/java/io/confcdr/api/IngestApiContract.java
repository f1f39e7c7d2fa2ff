package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.Cdr;
import io.confcdr.model.FieldSelection;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code POST /ingest/v1/conference/calls}: what is stored, what is refused and why, byte for byte on read-back. */
abstract class IngestApiContract extends AbstractApiTest {

    private static final String LIST = "/core/v2/app/conference/calls";

    @Test
    void everyAcceptedRecordReadsBackByteIdenticalByCallSid() {
        List<Cdr> sent = new ArrayList<>(Calls.tricky(ACME));
        sent.add(Calls.leg(0, ACME));

        HttpResponse<String> response = postNdjson(ndjson(sent));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"accepted\":4,\"duplicates\":0,\"rejected\":[]}");
        for (Cdr cdr : sent) {
            HttpResponse<String> read = getRecord(cdr.callSid(), acmeReader);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(read.body()).isEqualTo(expectedReadBack(cdr, read));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 20241214L, 0x5eed_cafeL})
    void randomTextAttributesReadBackByteIdentical(long seed) {
        List<Cdr> sent = RandomText.records(new java.util.Random(seed), 40, ACME);

        HttpResponse<String> response = postNdjson(ndjson(sent));

        assertThat(response.statusCode()).as("seed %d: %s", seed, response.body()).isEqualTo(200);
        for (Cdr cdr : sent) {
            HttpResponse<String> read = getRecord(cdr.callSid(), acmeReader);
            assertThat(read.body()).as("seed %d", seed).isEqualTo(expectedReadBack(cdr, read));
        }
    }

    @Test
    void acceptedRecordsAreListedInInsertionOrderByteIdentical() {
        List<Cdr> sent = new ArrayList<>(Calls.tricky(ACME));
        sent.addAll(List.of(Calls.leg(1, ACME), Calls.leg(2, ACME)));
        postNdjson(ndjson(sent));

        JsonNode page = json(get(LIST + "?limit=10", acmeReader));

        assertThat(page.get("count").intValue()).isEqualTo(5);
        for (int i = 0; i < sent.size(); i++) {
            String item = JSON.writeValueAsString(page.get("items").get(i));
            Instant inserted = Instant.parse(page.get("items").get(i).get("date_insert").stringValue());
            assertThat(item).isEqualTo(modelJson(sent.get(i).withDateInsert(inserted), FieldSelection.ALL));
        }
    }

    @Test
    void theListResponseCarriesTheSentRecordsByteForByte() {
        List<Cdr> sent = new ArrayList<>(Calls.tricky(ACME));
        sent.addAll(RandomText.records(new java.util.Random(20241214L), 5, ACME));
        sent.add(Calls.leg(1, ACME));
        assertThat(postNdjson(ndjson(sent)).statusCode()).isEqualTo(200);

        HttpResponse<String> response = get(LIST + "?limit=20", acmeReader);

        // The stores stamp date_insert with the test's fixed clock, so the whole body is known in advance.
        String items = sent.stream().map(cdr -> modelJson(cdr.withDateInsert(NOW), FieldSelection.ALL))
                .collect(java.util.stream.Collectors.joining(","));
        assertThat(response.body()).isEqualTo("{\"count\":" + sent.size() + ",\"has_more\":false,\"items\":[" + items
                + "],\"limit\":20,\"offset\":0,\"pagination\":{},\"total\":null}");
    }

    @Test
    void carrierxSampleReadsBackByteIdenticalExceptDateInsert() throws IOException {
        String sample;
        try (InputStream in = getClass().getResourceAsStream("/carrierx-sample.json")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        ObjectNode sent = (ObjectNode) JSON.readTree(sample);
        sent.remove("date_insert");

        assertThat(postNdjson(JSON.writeValueAsString(sent)).statusCode()).isEqualTo(200);
        HttpResponse<String> read = getRecord("69057c3e-bb90-4ed3-9c53-000000001142", acmeReader);

        String insertedAt = json(read).get("date_insert").stringValue();
        assertThat(read.body()).isEqualTo(sample.replace("2024-12-14T11:01:03.195Z", insertedAt));
    }

    @Test
    void aJsonArrayIsIngestedLikeNdjson() {
        List<Cdr> sent = List.of(Calls.leg(1, ACME), Calls.leg(2, ACME));
        String array = "[" + senderJson(sent.get(0)) + ",\n  " + senderJson(sent.get(1)) + "]";

        HttpResponse<String> response = post(array, "application/json; charset=utf-8", acmeIngest);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"accepted\":2,\"duplicates\":0,\"rejected\":[]}");
        assertThat(listedCallSids(acmeReader)).containsExactly(sent.get(0).callSid(), sent.get(1).callSid());
    }

    @Test
    void blankLinesAreIgnoredAndDoNotCountAsRecords() {
        String body = "\n" + senderJson(Calls.leg(1, ACME)) + "\r\n   \n\n" + "{\"call_sid\":\"x\"}\n\n";

        HttpResponse<String> response = postNdjson(body);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("rejected").get(0).get("index").intValue()).isEqualTo(1);
    }

    @Test
    void aMalformedNdjsonLineIsRejectedWithItsIndexAndTheOtherLinesAreStored() {
        Cdr first = Calls.leg(1, ACME);
        Cdr third = Calls.leg(3, ACME);
        String body = senderJson(first) + "\n{\"call_sid\": \"69057c3e\", oops}\n" + senderJson(third) + "\n";

        HttpResponse<String> response = postNdjson(body);

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode report = json(response);
        assertThat(report.get("accepted").intValue()).isEqualTo(2);
        JsonNode rejection = report.get("rejected").get(0);
        assertThat(rejection.get("index").intValue()).isEqualTo(1);
        assertThat(rejection.get("call_sid").isNull()).isTrue();
        assertThat(rejection.get("errors").get(0).get("field").isNull()).isTrue();
        assertThat(rejection.get("errors").get(0).get("message").stringValue()).startsWith("malformed JSON at column 26: ");
        assertThat(listedCallSids(acmeReader)).containsExactly(first.callSid(), third.callSid());
    }

    @Test
    void aMalformedJsonArrayRefusesTheWholeBodyNamingLineAndColumn() {
        String body = "[" + senderJson(Calls.leg(1, ACME)) + ",\n{\"call_sid\": tru}]";

        HttpResponse<String> response = post(body, "application/json", acmeIngest);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response);
        assertThat(error.get("message").stringValue()).isEqualTo("Bad request");
        assertThat(error.get("errors").get(0).get("message").stringValue()).startsWith("malformed JSON at line 2, column ");
        assertThat(listedCallSids(acmeReader)).isEmpty();
    }

    @Test
    void aParseErrorDoesNotEchoAHugeInput() {
        String huge = "x".repeat(100_000);

        HttpResponse<String> response = post("[" + huge + "]", "application/json", acmeIngest);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body().length()).isLessThan(1_000);
    }

    @Test
    void aBodyRefusedAtItsStartStillGetsItsAnswerWhileTheClientIsSendingTheRest() {
        // Refused at its second byte, while megabytes are still on their way: the answer must arrive, not a reset.
        String huge = "[" + "x".repeat(8_000_000) + "]";

        HttpResponse<String> response = post(huge, "application/json", acmeIngest);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("errors").get(0).get("message").stringValue()).startsWith("malformed JSON");
    }

    @Test
    void aBodyThatIsNotAnArrayIsRefusedAsJson() {
        HttpResponse<String> response = post(senderJson(Calls.leg(1, ACME)), "application/json", acmeIngest);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("errors").get(0).get("message").stringValue())
                .isEqualTo("the body must be a JSON array of records");
    }

    @Test
    void everyMissingRequiredAttributeIsReported() {
        HttpResponse<String> response = postNdjson("{\"bridge\": \"conference-bridge\"}\n");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).isEqualTo("{\"accepted\":0,\"duplicates\":0,\"rejected\":[{\"call_sid\":null,\"errors\":["
                + "{\"field\":\"call_sid\",\"message\":\"is required\"},"
                + "{\"field\":\"date_start\",\"message\":\"is required\"},"
                + "{\"field\":\"date_stop\",\"message\":\"is required\"},"
                + "{\"field\":\"partner_sid\",\"message\":\"is required\"}],\"index\":0}]}");
    }

    @Test
    void wrongTypesAreReportedForEveryAttribute() {
        ObjectNode record = sender(Calls.leg(1, ACME));
        record.put("address_src", 17605692222L);
        record.put("disconnect_cause", "16");
        record.put("duration", true);
        record.put("date_start", 1734170594);
        record.putArray("node");

        assertThat(reasons(postNdjson(record.toString()))).containsExactly(
                "date_start: must be a string",
                "address_src: must be a string",
                "disconnect_cause: must be a whole number (a JSON number, not a string)",
                "node: must be a string",
                "duration: must be a number of seconds, such as 50 or \"4.25\"");
    }

    @Test
    void badEnumerationsNameTheAllowedValues() {
        ObjectNode record = sender(Calls.leg(1, ACME));
        record.put("custom_call_type", "PRIVATE_CALL");
        record.put("direction", "incoming");
        record.put("disconnect_originator", "dst");
        record.put("role", "moderator");

        assertThat(reasons(postNdjson(record.toString()))).containsExactly(
                "custom_call_type: must be one of dc, foreign, private_asd, private_call, recording",
                "direction: must be one of inbound, outbound",
                "disconnect_originator: must be one of bridge, src",
                "role: must be one of host, listener, participant");
    }

    @Test
    void aCallThatStopsBeforeItStartsIsRejected() {
        ObjectNode record = sender(Calls.leg(1, ACME).toBuilder()
                .dateJoin(null).dateDisconnected(null).dateStop(Instant.parse("2024-12-14T10:00:00Z")).build());

        assertThat(reasons(postNdjson(record.toString()))).containsExactly("date_stop: must not be before date_start");
    }

    @Test
    void joiningOutsideTheCallOrLeavingBeforeJoiningIsRejected() {
        Cdr leg = Calls.leg(1, ACME);
        ObjectNode early = sender(leg.toBuilder().dateJoin(leg.dateStart().minusMillis(1)).build());
        ObjectNode late = sender(leg.toBuilder().dateDisconnected(leg.dateStop().plusSeconds(1)).build());
        ObjectNode inverted = sender(leg.toBuilder().dateJoin(leg.dateDisconnected()).dateDisconnected(leg.dateJoin()).build());
        ObjectNode neverJoined = sender(leg.toBuilder().dateJoin(null).build());

        HttpResponse<String> response = postNdjson(early + "\n" + late + "\n" + inverted + "\n" + neverJoined);

        JsonNode rejected = json(response).get("rejected");
        assertThat(reasons(rejected.get(0))).containsExactly("date_join: must not be before date_start");
        assertThat(reasons(rejected.get(1))).containsExactly("date_disconnected: must not be after date_stop");
        assertThat(reasons(rejected.get(2))).containsExactly("date_disconnected: must not be before date_join");
        assertThat(reasons(rejected.get(3))).containsExactly(
                "date_disconnected: must be absent when date_join is absent (a leg that never joined never left)");
    }

    @Test
    void datesNeedAZoneAndAreStoredInUtcAtMillisecondPrecision() {
        ObjectNode record = sender(Calls.leg(1, ACME).toBuilder().dateJoin(null).dateDisconnected(null).build());
        record.put("date_start", "2024-12-14T12:03:14.123456+02:00");
        record.put("date_stop", "2024-12-14T10:04:04.9999Z");
        ObjectNode noZone = sender(Calls.leg(2, ACME));
        noZone.put("date_start", "2024-12-14T10:03:14");

        HttpResponse<String> response = postNdjson(record + "\n" + noZone);

        assertThat(reasons(json(response).get("rejected").get(0))).containsExactly(
                "date_start: must be an ISO-8601 date and time with a zone, such as 2024-12-14T10:03:14.000Z");
        JsonNode stored = json(getRecord(Calls.leg(1, ACME).callSid(), acmeReader));
        assertThat(stored.get("date_start").stringValue()).isEqualTo("2024-12-14T10:03:14.123Z");
        assertThat(stored.get("date_stop").stringValue()).isEqualTo("2024-12-14T10:04:04.999Z");
    }

    @Test
    void datesBeyondFourDigitYearsAreRejectedNotAFailure() {
        ObjectNode farFuture = sender(Calls.leg(1, ACME).toBuilder().dateJoin(null).dateDisconnected(null).build());
        farFuture.put("date_stop", "+999999999-01-01T00:00:01Z");
        ObjectNode beforeYearOne = sender(Calls.leg(2, ACME).toBuilder().dateJoin(null).dateDisconnected(null).build());
        beforeYearOne.put("date_start", "-0001-12-31T23:59:59Z");

        HttpResponse<String> response = postNdjson(farFuture + "\n" + beforeYearOne);

        assertThat(response.statusCode()).isEqualTo(422);
        String range = "must lie between 0001-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z";
        assertThat(reasons(json(response).get("rejected").get(0))).containsExactly("date_stop: " + range);
        assertThat(reasons(json(response).get("rejected").get(1))).containsExactly("date_start: " + range);
        assertThat(listedCallSids(acmeReader)).isEmpty();
    }

    @Test
    void durationsAreComputedFromTheDatesWhenAbsent() {
        Cdr joined = Calls.leg(1, ACME);
        Cdr neverJoined = Calls.leg(2, ACME).toBuilder().dateJoin(null).dateDisconnected(null).build();
        ObjectNode first = sender(joined);
        first.remove("duration");
        first.remove("duration_meeting");
        ObjectNode second = sender(neverJoined);
        second.putNull("duration");
        second.remove("duration_meeting");

        postNdjson(first + "\n" + second);

        JsonNode a = json(getRecord(joined.callSid(), acmeReader));
        assertThat(a.get("duration").stringValue()).isEqualTo("46.75");
        assertThat(a.get("duration_meeting").stringValue()).isEqualTo("30.25");
        JsonNode b = json(getRecord(neverJoined.callSid(), acmeReader));
        assertThat(b.get("duration").stringValue()).isEqualTo(neverJoined.duration().toWire());
        assertThat(b.get("duration_meeting").stringValue()).isEqualTo("0");
    }

    @Test
    void durationsMayArriveAsNumbersOrStringsAndAreKeptExactly() {
        ObjectNode asNumber = sender(Calls.leg(1, ACME));
        asNumber.put("duration", new java.math.BigDecimal("46.750000"));
        asNumber.put("duration_meeting", 30.25);
        ObjectNode asString = sender(Calls.leg(2, ACME));
        asString.put("duration", "47.000");

        assertThat(postNdjson(asNumber + "\n" + asString).statusCode()).isEqualTo(200);

        assertThat(json(getRecord(Calls.leg(1, ACME).callSid(), acmeReader)).get("duration").stringValue()).isEqualTo("46.75");
        assertThat(json(getRecord(Calls.leg(2, ACME).callSid(), acmeReader)).get("duration").stringValue()).isEqualTo("47");
    }

    @Test
    void negativeOrTooPreciseDurationsAreRejected() {
        ObjectNode record = sender(Calls.leg(1, ACME));
        record.put("duration", "-1");
        record.put("duration_meeting", "0.1234567");

        assertThat(reasons(postNdjson(record.toString()))).containsExactly(
                "duration: must not be negative",
                "duration_meeting: must have at most 6 decimal places and fit in a 64-bit count of microseconds");
    }

    @Test
    void unknownAttributesAndDateInsertAreRejected() {
        ObjectNode record = sender(Calls.leg(1, ACME));
        record.put("date_insert", "2024-12-14T11:01:03.195Z");
        record.put("callSid", "69057c3e");

        assertThat(reasons(postNdjson(record.toString()))).containsExactly(
                "date_insert: is set by confcdr when the record is stored and must not be sent",
                "callSid: unknown attribute");
    }

    @Test
    void stringsLongerThanTheirBoundAreRejected() {
        ObjectNode record = sender(Calls.leg(1, ACME));
        record.put("user_agent", "a".repeat(1025));
        record.put("meeting_sid", "m".repeat(129));
        ObjectNode atTheBound = sender(Calls.leg(2, ACME));
        atTheBound.put("user_agent", "🎧".repeat(1024));

        HttpResponse<String> response = postNdjson(record + "\n" + atTheBound);

        assertThat(reasons(json(response).get("rejected").get(0))).containsExactly(
                "meeting_sid: must be at most 128 characters long",
                "user_agent: must be at most 1024 characters long");
        assertThat(json(response).get("accepted").intValue()).isEqualTo(1);
    }

    @Test
    void callSidsWithCharactersThatCannotTravelInAUrlPathAreRejected() {
        ObjectNode record = sender(Calls.leg(1, ACME));
        record.put("call_sid", "abc/../def");

        assertThat(reasons(postNdjson(record.toString()))).containsExactly(
                "call_sid: must consist of letters, digits and . _ : ~ - only");
    }

    @Test
    void aNonObjectLineIsRejectedAsARecord() {
        assertThat(reasons(postNdjson("[1, 2]\n"))).containsExactly("null: a record must be a JSON object");
    }

    @Test
    void theSameRecordTwiceInABatchIsStoredOnceAndCountedAsDuplicate() {
        Cdr leg = Calls.leg(1, ACME);

        HttpResponse<String> response = postNdjson(ndjson(List.of(leg, leg)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"accepted\":1,\"duplicates\":1,\"rejected\":[]}");
        assertThat(listedCallSids(acmeReader)).containsExactly(leg.callSid());
    }

    @Test
    void aDifferentRecordWithAnEarlierCallSidOfTheBatchIsAConflict() {
        Cdr leg = Calls.leg(1, ACME);
        Cdr changed = leg.toBuilder().disconnectCause(31).build();

        HttpResponse<String> response = postNdjson(ndjson(List.of(leg, changed)));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).isEqualTo("{\"accepted\":1,\"duplicates\":0,\"rejected\":[{\"call_sid\":\"" + leg.callSid()
                + "\",\"errors\":[{\"field\":\"call_sid\",\"message\":\"conflicts with record 0 of this batch, which has different content\"}],\"index\":1}]}");
        assertThat(json(getRecord(leg.callSid(), acmeReader)).get("disconnect_cause").intValue()).isEqualTo(16);
    }

    @Test
    void resendingAStoredBatchChangesNothingAndCountsDuplicates() {
        String batch = ndjson(List.of(Calls.leg(1, ACME), Calls.leg(2, ACME)));
        postNdjson(batch);

        HttpResponse<String> again = postNdjson(batch);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("{\"accepted\":0,\"duplicates\":2,\"rejected\":[]}");
        assertThat(listedCallSids(acmeReader)).hasSize(2);
    }

    @Test
    void aChangedRecordWithAStoredCallSidIsAConflictAndTheStoredOneStays() {
        Cdr leg = Calls.leg(1, ACME);
        postNdjson(ndjson(List.of(leg)));
        String before = getRecord(leg.callSid(), acmeReader).body();

        HttpResponse<String> response = postNdjson(ndjson(List.of(leg.toBuilder().role("host").build())));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(reasons(response)).containsExactly("call_sid: conflicts with a stored record of different content");
        assertThat(json(response).get("rejected").get(0).get("call_sid").stringValue()).isEqualTo(leg.callSid());
        assertThat(getRecord(leg.callSid(), acmeReader).body()).isEqualTo(before);
    }

    @Test
    void aMixedBatchStoresExactlyItsValidRecords() {
        Cdr good1 = Calls.leg(1, ACME);
        Cdr good2 = Calls.leg(2, EMEA);
        ObjectNode bad = sender(Calls.leg(3, ACME));
        bad.put("role", "chair");
        String body = senderJson(good1) + "\n" + bad + "\n{\n" + senderJson(good2) + "\n"
                + senderJson(Calls.leg(4, GLOBEX)) + "\n";

        HttpResponse<String> response = postNdjson(body);

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode report = json(response);
        assertThat(report.get("accepted").intValue()).isEqualTo(2);
        assertThat(report.get("rejected").valueStream().map(r -> r.get("index").intValue()).toList()).containsExactly(1, 2, 4);
        assertThat(listedCallSids(acmeSubtreeReader)).containsExactly(good1.callSid(), good2.callSid());
    }

    @Test
    void aBodyAboveTheByteLimitIs413AndStoresNothing() {
        restartWith(new ApiConfig("127.0.0.1", 0, null, 2_000));
        String body = ndjson(IntStream.range(0, 10).mapToObj(i -> Calls.leg(i, ACME)).toList());

        HttpResponse<String> response = postNdjson(body);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("message").stringValue()).isEqualTo("Payload too large");
        assertThat(listedCallSids(acmeReader)).isEmpty();
    }

    @Test
    void aStreamedBodyWithoutLengthIsCutAtTheByteLimit() {
        restartWith(new ApiConfig("127.0.0.1", 0, null, 2_000));
        byte[] body = ndjson(IntStream.range(0, 10).mapToObj(i -> Calls.leg(i, ACME)).toList()).getBytes(StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(URI.create(url("/ingest/v1/conference/calls")))
                .header("Content-Type", "application/x-ndjson")
                .header("Authorization", "Bearer " + acmeIngest)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = send(request);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(listedCallSids(acmeReader)).isEmpty();
    }

    @Test
    void aBatchOfMoreRecordsThanTheLimitIs413() {
        String body = "{}\n".repeat(10_001);

        HttpResponse<String> response = postNdjson(body);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("errors").get(0).get("message").stringValue())
                .isEqualTo("a batch may hold at most 10000 records");
    }

    @Test
    void aBatchLargerThanAMebibyteIsAcceptedUnderTheDefaultLimit() {
        List<Cdr> legs = IntStream.range(0, 2_000).mapToObj(i -> Calls.leg(i, ACME)).toList();
        String body = ndjson(legs);
        assertThat(body.length()).isGreaterThan(1 << 20);

        HttpResponse<String> response = postNdjson(body);

        assertThat(response.body()).isEqualTo("{\"accepted\":2000,\"duplicates\":0,\"rejected\":[]}");
    }

    @Test
    void aGzippedBatchIsIngestedLikeAPlainOne() throws IOException {
        Cdr leg = Calls.leg(1, ACME);
        var compressed = new java.io.ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(compressed)) {
            gzip.write(ndjson(List.of(leg)).getBytes(StandardCharsets.UTF_8));
        }

        HttpResponse<String> response = send(ingestRequest("gzip", compressed.toByteArray()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(listedCallSids(acmeReader)).containsExactly(leg.callSid());
    }

    @Test
    void aGzippedBodyThatInflatesBeyondTheByteLimitIs413() throws IOException {
        restartWith(new ApiConfig("127.0.0.1", 0, null, 2_000));
        var compressed = new java.io.ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(compressed)) {
            gzip.write(" ".repeat(100_000).getBytes(StandardCharsets.UTF_8));
        }
        assertThat(compressed.size()).isLessThan(2_000);

        assertThat(send(ingestRequest("gzip", compressed.toByteArray())).statusCode()).isEqualTo(413);
    }

    @Test
    void anUnknownContentEncodingIs415AndBrokenGzipIs400() {
        byte[] body = ndjson(List.of(Calls.leg(1, ACME))).getBytes(StandardCharsets.UTF_8);

        assertThat(send(ingestRequest("br", body)).statusCode()).isEqualTo(415);
        assertThat(send(ingestRequest("gzip", body)).statusCode()).isEqualTo(400);
        assertThat(listedCallSids(acmeReader)).isEmpty();
    }

    private HttpRequest ingestRequest(String contentEncoding, byte[] body) {
        return HttpRequest.newBuilder(URI.create(url("/ingest/v1/conference/calls")))
                .header("Content-Type", "application/x-ndjson")
                .header("Content-Encoding", contentEncoding)
                .header("Authorization", "Bearer " + acmeIngest)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    @Test
    void anUnsupportedContentTypeIs415() {
        HttpResponse<String> response = post(senderJson(Calls.leg(1, ACME)), "text/csv", acmeIngest);

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json(response).get("message").stringValue()).isEqualTo("Unsupported media type");
        assertThat(listedCallSids(acmeReader)).isEmpty();
    }

    @Test
    void aTokenWritesForItsPartnerAndDescendantsOnly() {
        Cdr own = Calls.leg(1, EMEA);
        Cdr descendant = Calls.leg(2, PARIS);
        Cdr parent = Calls.leg(3, ACME);
        Cdr unrelated = Calls.leg(4, GLOBEX);
        Cdr missing = Calls.leg(5, "no-such-partner");

        HttpResponse<String> response = post(ndjson(List.of(own, descendant, parent, unrelated, missing)),
                "application/x-ndjson", emeaIngest);

        JsonNode report = json(response);
        assertThat(report.get("accepted").intValue()).isEqualTo(2);
        assertThat(report.get("rejected").valueStream().map(r -> r.get("index").intValue()).toList()).containsExactly(2, 3, 4);
        assertThat(report.get("rejected").valueStream().map(AbstractApiTest::firstReason).distinct().toList())
                .containsExactly("partner_sid: unknown partner");
        assertThat(listedCallSids(acmeSubtreeReader)).containsExactly(own.callSid(), descendant.callSid());
    }

    private void restartWith(ApiConfig config) {
        server.close();
        server = ApiServer.start(storage, config, clock);
    }

    private static ObjectNode sender(Cdr cdr) {
        return (ObjectNode) JSON.readTree(senderJson(cdr));
    }

    /** The reasons of the first rejected record, as {@code field: message}. */
    private static List<String> reasons(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(422);
        return reasons(json(response).get("rejected").get(0));
    }

    private static List<String> reasons(JsonNode rejection) {
        return rejection.get("errors").valueStream()
                .map(e -> (e.get("field").isNull() ? "null" : e.get("field").stringValue()) + ": " + e.get("message").stringValue())
                .toList();
    }
}
