package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.Cdr;
import io.confcdr.model.Seconds;
import io.confcdr.store.InsertResult;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The usage and concurrency reports by example, over HTTP; run on every store. */
abstract class ReportApiContract extends AbstractApiTest {

    static final String USAGE = "/core/v2/app/conference/reports/usage";
    static final String CONCURRENCY = "/core/v2/app/conference/reports/concurrency";

    private int legCount;

    /** A leg of {@code partnerSid} up on [start, start + length), its duration that length. */
    private Cdr leg(String partnerSid, Instant start, Duration length) {
        return Calls.leg(0, partnerSid).toBuilder()
                .callSid("0f0e0d0c-0000-4000-8000-%012d".formatted(++legCount))
                .dateStart(start)
                .dateJoin(null)
                .dateDisconnected(null)
                .dateStop(start.plus(length))
                .duration(Seconds.ofMillis(length.toMillis()))
                .durationMeeting(Seconds.ZERO)
                .build();
    }

    private void store(List<Cdr> legs) {
        assertThat(storage.cdrs().insert(legs)).allMatch(result -> result instanceof InsertResult.Stored);
    }

    /** One leg starting at each real hour from {@code first}, {@code hours} of them. */
    private List<Cdr> hourly(Instant first, int hours) {
        List<Cdr> legs = new ArrayList<>();
        for (int h = 0; h < hours; h++) {
            legs.add(leg(ACME, first.plus(Duration.ofHours(h)), Duration.ofMinutes(10)));
        }
        return legs;
    }

    private JsonNode report(String pathAndQuery, String token) {
        HttpResponse<String> response = get(pathAndQuery, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void aSpringForwardDayInParisHas23Hours() {
        // 2024-03-31 in Paris runs from 2024-03-30T23:00Z to 2024-03-31T22:00Z.
        store(hourly(Instant.parse("2024-03-30T22:00:00Z"), 25));

        JsonNode days = report(USAGE + "?group_by=day&tz=Europe/Paris&limit=100", acmeReader);
        assertThat(days.get("items").valueStream().map(row -> row.get("day").stringValue() + "=" + row.get("legs").intValue()))
                .containsExactly("2024-03-30=1", "2024-03-31=23", "2024-04-01=1");
        JsonNode buckets = report(CONCURRENCY + "?interval=1d&tz=Europe/Paris", acmeReader);
        JsonNode day = buckets.get("items").get(1);
        assertThat(day.get("from").stringValue()).isEqualTo("2024-03-30T23:00:00.000Z");
        assertThat(day.get("to").stringValue()).isEqualTo("2024-03-31T22:00:00.000Z");
        assertThat(day.get("legs_started").intValue()).isEqualTo(23);
        JsonNode hours = report(USAGE + "?group_by=hour&tz=Europe/Paris&limit=100&filter="
                + encode("date_start ge 2024-03-30T23:00:00Z and date_start lt 2024-03-31T22:00:00Z"), acmeReader);
        assertThat(hours.get("total").intValue()).as("the skipped 02:00 hour has no row").isEqualTo(23);
        assertThat(hours.get("items").valueStream().map(row -> row.get("hour").stringValue())).doesNotContain("2024-03-31T02");
    }

    @Test
    void aFallBackDayInParisHas25HoursAndItsRepeatedHourIsOneRow() {
        // 2024-10-27 in Paris runs from 2024-10-26T22:00Z to 2024-10-27T23:00Z; 02:00-03:00 happens twice.
        store(hourly(Instant.parse("2024-10-26T22:00:00Z"), 25));

        JsonNode days = report(USAGE + "?group_by=day&tz=Europe/Paris", acmeReader);
        assertThat(days.get("items").valueStream().map(row -> row.get("day").stringValue() + "=" + row.get("legs").intValue()))
                .containsExactly("2024-10-27=25");
        JsonNode hours = report(USAGE + "?group_by=hour&tz=Europe/Paris&limit=100", acmeReader);
        assertThat(hours.get("total").intValue()).isEqualTo(24);
        assertThat(hours.get("items").get(2).get("hour").stringValue()).isEqualTo("2024-10-27T02");
        assertThat(hours.get("items").get(2).get("legs").intValue()).isEqualTo(2);
        JsonNode day = report(CONCURRENCY + "?interval=1d&tz=Europe/Paris", acmeReader).get("items").get(0);
        assertThat(day.get("from").stringValue()).isEqualTo("2024-10-26T22:00:00.000Z");
        assertThat(day.get("to").stringValue()).isEqualTo("2024-10-27T23:00:00.000Z");
        JsonNode hourly = report(CONCURRENCY + "?interval=1h&tz=Europe/Paris&limit=100", acmeReader);
        assertThat(hourly.get("total").intValue()).as("one bucket per real hour").isEqualTo(25);
    }

    @Test
    void hoursInKolkataStartAtHalfPastInUtc() {
        store(List.of(leg(ACME, Instant.parse("2024-12-14T10:29:00Z"), Duration.ofMinutes(2))));

        JsonNode usage = report(USAGE + "?group_by=hour&tz=Asia/Kolkata", acmeReader).get("items").get(0);
        assertThat(usage.get("hour").stringValue()).isEqualTo("2024-12-14T15");
        List<String> buckets = report(CONCURRENCY + "?interval=1h&tz=Asia/Kolkata", acmeReader).get("items").valueStream()
                .map(b -> b.get("from").stringValue() + "/" + b.get("to").stringValue() + " up " + b.get("peak_concurrent_legs").intValue()
                        + " started " + b.get("legs_started").intValue())
                .toList();
        assertThat(buckets).containsExactly(
                "2024-12-14T09:30:00.000Z/2024-12-14T10:30:00.000Z up 1 started 1",
                "2024-12-14T10:30:00.000Z/2024-12-14T11:30:00.000Z up 1 started 0");
    }

    @Test
    void billableMinutesRoundEachLegUp() {
        Instant start = Instant.parse("2024-12-14T10:00:00Z");
        store(List.of(
                leg(ACME, start, Duration.ofMillis(59_001)),
                leg(ACME, start.plusSeconds(3600), Duration.ofMillis(60_000)),
                leg(ACME, start.plusSeconds(7200), Duration.ofMillis(60_001))));

        JsonNode legs = report(USAGE + "?group_by=hour", acmeReader).get("items");
        assertThat(legs.valueStream().map(row -> row.get("billable_minutes").intValue())).containsExactly(1, 1, 2);
        JsonNode total = report(USAGE, acmeReader).get("items").get(0);
        assertThat(total.get("billable_minutes").intValue()).isEqualTo(4);
        // 179.002 s / 60, rounded half up to six places.
        assertThat(total.get("minutes").stringValue()).isEqualTo("2.983367");
        assertThat(legs.get(1).get("minutes").stringValue()).isEqualTo("1");
    }

    @Test
    void touchingLegsDoNotOverlap() {
        Instant start = Instant.parse("2024-12-14T10:00:00Z");
        store(List.of(
                leg(ACME, start, Duration.ofMinutes(1)),
                leg(ACME, start.plusSeconds(60), Duration.ofMinutes(1)),
                leg(ACME, start.plusSeconds(120), Duration.ZERO)));

        assertThat(report(USAGE, acmeReader).get("items").get(0).get("peak_concurrent_legs").intValue()).isEqualTo(1);
        JsonNode bucket = report(CONCURRENCY + "?interval=5m", acmeReader).get("items").get(0);
        assertThat(bucket.get("peak_concurrent_legs").intValue()).isEqualTo(1);
        assertThat(bucket.get("legs_started").intValue()).as("a zero-length leg starts but is never up").isEqualTo(3);
    }

    @Test
    void overlappingLegsPeakTogetherAndALongLegFillsEveryBucketItSpans() {
        Instant start = Instant.parse("2024-12-14T10:00:00Z");
        store(List.of(
                leg(ACME, start, Duration.ofMinutes(20)),
                leg(ACME, start.plusSeconds(90), Duration.ofMinutes(1)),
                leg(ACME, start.plusSeconds(120), Duration.ofMinutes(1))));

        assertThat(report(USAGE, acmeReader).get("items").get(0).get("peak_concurrent_legs").intValue()).isEqualTo(3);
        List<String> buckets = report(CONCURRENCY + "?interval=5m", acmeReader).get("items").valueStream()
                .map(b -> b.get("from").stringValue().substring(11, 16) + " up " + b.get("peak_concurrent_legs").intValue()
                        + " started " + b.get("legs_started").intValue())
                .toList();
        assertThat(buckets).containsExactly("10:00 up 3 started 3", "10:05 up 1 started 0", "10:10 up 1 started 0", "10:15 up 1 started 0");
    }

    @Test
    void rollupCountsEachPartnersDescendantsAndItsOwnLegsAsSelfLegs() {
        Instant start = Instant.parse("2024-12-14T10:00:00Z");
        store(List.of(
                leg(ACME, start, Duration.ofMinutes(1)),
                leg(EMEA, start, Duration.ofMinutes(1)),
                leg(EMEA, start, Duration.ofMinutes(1)),
                leg(PARIS, start, Duration.ofMinutes(1)),
                leg(PARIS, start, Duration.ofMinutes(1)),
                leg(PARIS, start, Duration.ofMinutes(1)),
                leg(GLOBEX, start, Duration.ofMinutes(1))));

        List<String> rolled = report(USAGE + "?group_by=partner_sid&rollup=tree", acmeSubtreeReader).get("items").valueStream()
                .map(row -> row.get("partner_sid").stringValue() + " " + row.get("legs").intValue() + "/" + row.get("self_legs").intValue()
                        + " peak " + row.get("peak_concurrent_legs").intValue())
                .toList();
        assertThat(rolled).containsExactlyInAnyOrder(PARIS + " 3/3 peak 3", EMEA + " 5/2 peak 5", ACME + " 6/1 peak 6");
        JsonNode flat = report(USAGE + "?group_by=partner_sid", acmeSubtreeReader);
        assertThat(flat.get("items").valueStream().map(row -> row.get("partner_sid").stringValue() + " " + row.get("legs").intValue()))
                .containsExactly(EMEA + " 2", PARIS + " 3", ACME + " 1");
        assertThat(flat.get("items").get(0).has("self_legs")).isFalse();
        JsonNode own = report(USAGE + "?group_by=partner_sid&rollup=tree", emeaManager);
        assertThat(own.get("items").valueStream().map(row -> row.get("partner_sid").stringValue() + " " + row.get("legs").intValue()))
                .as("without app.read_descendant a token sees its own partner's legs only").containsExactly(EMEA + " 2");
    }

    @Test
    void withoutGroupKeysTheReportIsOneTotalRowEvenWhenNothingMatches() {
        JsonNode empty = report(USAGE, globexReader);
        assertThat(empty.get("total").intValue()).isEqualTo(1);
        assertThat(empty.get("items").get(0).toString()).isEqualTo("{\"billable_minutes\":0,\"failed_legs\":0,\"joined_legs\":0,"
                + "\"legs\":0,\"meetings\":0,\"minutes\":\"0\",\"peak_concurrent_legs\":0}");

        Instant start = Instant.parse("2024-12-14T10:00:00Z");
        store(List.of(
                leg(ACME, start, Duration.ofSeconds(90)).toBuilder().meetingSid("m-1").disconnectCause(16).dateJoin(start).dateDisconnected(start).build(),
                leg(ACME, start, Duration.ofSeconds(30)).toBuilder().meetingSid("m-1").disconnectCause(17).build(),
                leg(ACME, start, Duration.ofSeconds(30)).toBuilder().meetingSid(null).disconnectCause(null).build(),
                leg(GLOBEX, start, Duration.ofSeconds(30))));
        assertThat(report(USAGE, acmeReader).get("items").get(0).toString()).isEqualTo("{\"billable_minutes\":4,\"failed_legs\":1,"
                + "\"joined_legs\":1,\"legs\":3,\"meetings\":1,\"minutes\":\"2.5\",\"peak_concurrent_legs\":3}");
        assertThat(report(CONCURRENCY, globexReader).get("total").intValue()).isEqualTo(1);
    }

    @Test
    void groupsAreOrderedNullsFirstThenByValueAndPagedByOffset() {
        Instant start = Instant.parse("2024-12-14T10:00:00Z");
        store(List.of(
                leg(ACME, start, Duration.ofSeconds(1)).toBuilder().disconnectCause(127).build(),
                leg(ACME, start, Duration.ofSeconds(1)).toBuilder().disconnectCause(null).build(),
                leg(ACME, start, Duration.ofSeconds(1)).toBuilder().disconnectCause(16).build(),
                leg(ACME, start, Duration.ofSeconds(1)).toBuilder().disconnectCause(31).build()));

        JsonNode page = report(USAGE + "?group_by=disconnect_cause&limit=2&offset=1", acmeReader);
        assertThat(page.get("items").valueStream().map(row -> row.get("disconnect_cause").toString())).containsExactly("16", "31");
        assertThat(page.get("has_more").booleanValue()).isTrue();
        assertThat(page.get("total").intValue()).isEqualTo(4);
        assertThat(page.get("pagination").get("next").stringValue()).endsWith(USAGE + "?group_by=disconnect_cause&limit=2&offset=3");
        JsonNode first = report(USAGE + "?group_by=disconnect_cause", acmeReader);
        assertThat(first.get("items").get(0).get("disconnect_cause").isNull()).isTrue();
    }

    @Test
    void badParametersAre400sNamingTheParameter() {
        assertThat(firstReason(json(get(USAGE + "?group_by=colour", acmeReader)))).startsWith("group_by: unknown group key 'colour'");
        assertThat(firstReason(json(get(USAGE + "?group_by=day,day", acmeReader)))).startsWith("group_by:");
        assertThat(firstReason(json(get(USAGE + "?tz=Mars/Olympus", acmeReader)))).startsWith("tz:");
        assertThat(firstReason(json(get(USAGE + "?tz=" + encode("+05:30"), acmeReader)))).startsWith("tz:");
        assertThat(firstReason(json(get(USAGE + "?rollup=tree&group_by=day", acmeReader)))).isEqualTo("rollup: rollup=tree needs partner_sid in group_by");
        assertThat(firstReason(json(get(USAGE + "?rollup=flat&group_by=partner_sid", acmeReader)))).startsWith("rollup:");
        assertThat(firstReason(json(get(USAGE + "?limit=0", acmeReader)))).startsWith("limit:");
        assertThat(firstReason(json(get(USAGE + "?offset=-1", acmeReader)))).startsWith("offset:");
        assertThat(firstReason(json(get(USAGE + "?filter=" + encode("colour eq red"), acmeReader)))).startsWith("filter:");
        assertThat(firstReason(json(get(USAGE + "?tz=UTC&tz=Europe/Paris", acmeReader)))).startsWith("tz:");
        assertThat(firstReason(json(get(CONCURRENCY + "?interval=2h", acmeReader)))).startsWith("interval: interval must be one of 5m, 15m, 1h, 1d");
        assertThat(firstReason(json(get(CONCURRENCY + "?tz=Nowhere", acmeReader)))).startsWith("tz:");
        assertThat(get(USAGE + "?group_by=colour", acmeReader).statusCode()).isEqualTo(400);
    }

    @Test
    void aTokenWithoutAReadingScopeIsRefusedBeforeItsParametersAreRead() {
        assertThat(get(USAGE + "?group_by=colour", acmeIngest).statusCode()).isEqualTo(403);
        assertThat(get(CONCURRENCY + "?interval=2h", acmeIngest).statusCode()).isEqualTo(403);
        assertThat(get(USAGE, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aReportCountsOnlyTheLegsTheTokenCanSee() {
        Instant start = Instant.parse("2024-12-14T10:00:00Z");
        store(List.of(leg(ACME, start, Duration.ofMinutes(1)), leg(EMEA, start, Duration.ofMinutes(1)), leg(GLOBEX, start, Duration.ofMinutes(1))));

        assertThat(report(USAGE + "?filter=" + encode("partner_sid eq " + EMEA), acmeReader).get("items").get(0).get("legs").intValue()).isZero();
        assertThat(report(USAGE, acmeReader).get("items").get(0).get("legs").intValue()).isEqualTo(1);
        assertThat(report(USAGE, acmeSubtreeReader).get("items").get(0).get("legs").intValue()).isEqualTo(2);
        assertThat(report(CONCURRENCY, acmeSubtreeReader).get("items").get(0).get("peak_concurrent_legs").intValue()).isEqualTo(2);
    }
}
