package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.Cdr;
import io.confcdr.model.Seconds;
import io.confcdr.store.TestRecords;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The meeting routes by example, on every store: what a meeting's summary holds, partial and invisible
 * meetings, a meeting of 300 legs, touching legs, field selection on items, the listing's selection,
 * order and paging, and the 400s its parameters can earn.
 */
abstract class MeetingApiContract extends AbstractApiTest {

    static final String MEETINGS = "/core/v2/app/conference/meetings";
    static final Instant T0 = Instant.parse("2024-12-14T10:00:00Z");

    /** A leg of {@code meeting} from T0 + startSeconds to T0 + stopSeconds. */
    static Cdr leg(String callSid, String partner, String meeting, long startSeconds, long stopSeconds, String role, String numberSrc) {
        return TestRecords.carrierxSample().toBuilder()
                .callSid(callSid)
                .partnerSid(partner)
                .meetingSid(meeting)
                .dateStart(T0.plusSeconds(startSeconds))
                .dateStop(T0.plusSeconds(stopSeconds))
                .dateJoin(null)
                .dateDisconnected(null)
                .duration(new Seconds((stopSeconds - startSeconds) * 1_000_000))
                .durationMeeting(Seconds.ZERO)
                .role(role)
                .numberSrc(numberSrc)
                .build();
    }

    void store(List<Cdr> legs) {
        storage.cdrs().insert(legs);
    }

    HttpResponse<String> meeting(String sid, String token) {
        return get(MEETINGS + "/" + sid, token);
    }

    static List<String> callSids(JsonNode items) {
        return items.valueStream().map(item -> item.get("call_sid").stringValue()).toList();
    }

    static List<String> keys(JsonNode node) {
        return node.propertyNames().stream().toList();
    }

    @Test
    void meetingSummarisesItsLegsWithKeysInAlphabeticalOrder() {
        store(List.of(
                leg("c3", ACME, "m1", 30, 100, "participant", "+15550003"),
                leg("c1", ACME, "m1", 0, 60, "host", "+15550001"),
                leg("c2", ACME, "m1", 0, 50, "participant", "+15550001"),
                leg("c9", ACME, "m2", 0, 50, "host", "+15550009")));

        HttpResponse<String> response = meeting("m1", acmeReader);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(keys(body)).containsExactly("date_start", "date_stop", "duration", "hosts", "items", "legs",
                "meeting_room_sid", "meeting_sid", "minutes", "participants", "partner_sid", "peak_concurrent_legs");
        assertThat(body.get("date_start").stringValue()).isEqualTo("2024-12-14T10:00:00.000Z");
        assertThat(body.get("date_stop").stringValue()).isEqualTo("2024-12-14T10:01:40.000Z");
        assertThat(body.get("duration").stringValue()).isEqualTo("100");
        assertThat(body.get("hosts").intValue()).isEqualTo(1);
        assertThat(callSids(body.get("items"))).containsExactly("c1", "c2", "c3");
        assertThat(body.get("legs").intValue()).isEqualTo(3);
        assertThat(body.get("meeting_room_sid").stringValue()).isEqualTo("f752b4a5-b821-4322-a26f-db5cfbf014ab");
        assertThat(body.get("meeting_sid").stringValue()).isEqualTo("m1");
        // 60 + 50 + 70 seconds = 3 minutes.
        assertThat(body.get("minutes").stringValue()).isEqualTo("3");
        assertThat(body.get("participants").intValue()).isEqualTo(2);
        assertThat(body.get("partner_sid").stringValue()).isEqualTo(ACME);
        assertThat(body.get("peak_concurrent_legs").intValue()).isEqualTo(3);
    }

    @Test
    void minutesThatDoNotEndAreRoundedToSixPlaces() {
        store(List.of(leg("c1", ACME, "m1", 0, 50, "host", "+1")));

        assertThat(json(meeting("m1", acmeReader)).get("minutes").stringValue()).isEqualTo("0.833333");
    }

    @Test
    void partialViewSummarisesOnlyTheVisibleLegs() {
        store(List.of(
                leg("c1", ACME, "m1", 0, 600, "host", "+15550001"),
                leg("c2", PARIS, "m1", 60, 120, "participant", "+15550002"),
                leg("c3", PARIS, "m1", 100, 900, "participant", "+15550003")));

        JsonNode own = json(meeting("m1", acmeReader));
        assertThat(callSids(own.get("items"))).containsExactly("c1");
        assertThat(own.get("legs").intValue()).isEqualTo(1);
        assertThat(own.get("date_stop").stringValue()).isEqualTo("2024-12-14T10:10:00.000Z");
        assertThat(own.get("peak_concurrent_legs").intValue()).isEqualTo(1);
        assertThat(own.get("partner_sid").stringValue()).isEqualTo(ACME);

        assertThat(meeting("m1", emeaManager).statusCode()).as("EMEA without app.read_descendant: no leg of its own")
                .isEqualTo(404);

        JsonNode subtree = json(meeting("m1", acmeSubtreeReader));
        assertThat(callSids(subtree.get("items"))).containsExactly("c1", "c2", "c3");
        assertThat(subtree.get("peak_concurrent_legs").intValue()).isEqualTo(3);
        assertThat(subtree.get("participants").intValue()).isEqualTo(3);
        assertThat(subtree.get("date_stop").stringValue()).isEqualTo("2024-12-14T10:15:00.000Z");
        assertThat(subtree.get("partner_sid").isNull()).as("legs of two partners: no one partner_sid").isTrue();
    }

    @Test
    void meetingWithNoVisibleLegIsA404LikeAMissingOne() {
        store(List.of(leg("c1", ACME, "m1", 0, 60, "host", "+1"), leg("c2", PARIS, "m2", 0, 60, "host", "+1")));

        HttpResponse<String> invisible = meeting("m1", globexReader);
        HttpResponse<String> childOnly = meeting("m2", acmeReader);
        HttpResponse<String> missing = meeting("no-such-meeting", globexReader);

        assertThat(invisible.statusCode()).isEqualTo(404);
        assertThat(childOnly.statusCode()).isEqualTo(404);
        assertThat(invisible.body()).isEqualTo(missing.body()).isEqualTo(childOnly.body());
        JsonNode error = json(missing);
        assertThat(error.get("message").stringValue()).isEqualTo("Cannot find item by SID");
        assertThat(error.get("errors").get(0).get("field").stringValue()).isEqualTo("meeting_sid");
    }

    @Test
    void meetingOfThreeHundredLegsListsEveryLegInOrder() {
        List<Cdr> legs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // Legs start every 10 s and last 25 s: at most three overlap at any instant.
            legs.add(leg("c%03d".formatted(299 - i), ACME, "big", 10L * i, 10L * i + 25, i == 0 ? "host" : "participant", "+1555" + (i % 40)));
        }
        store(legs);

        JsonNode body = json(meeting("big", acmeReader));

        assertThat(body.get("legs").intValue()).isEqualTo(300);
        assertThat(body.get("items").size()).isEqualTo(300);
        assertThat(callSids(body.get("items")).getFirst()).isEqualTo("c299");
        assertThat(callSids(body.get("items")).getLast()).isEqualTo("c000");
        assertThat(body.get("peak_concurrent_legs").intValue()).isEqualTo(3);
        assertThat(body.get("participants").intValue()).isEqualTo(40);
        assertThat(body.get("minutes").stringValue()).isEqualTo("125");
        assertThat(body.get("duration").stringValue()).isEqualTo("3015");
    }

    @Test
    void legsThatTouchDoNotOverlap() {
        store(List.of(
                leg("c1", ACME, "m1", 0, 10, "host", "+1"),
                leg("c2", ACME, "m1", 10, 20, "participant", "+2"),
                leg("c3", ACME, "m1", 20, 30, "participant", "+3"),
                leg("c4", ACME, "m1", 20, 20, "participant", "+4")));

        assertThat(json(meeting("m1", acmeReader)).get("peak_concurrent_legs").intValue()).isEqualTo(1);

        store(List.of(leg("c5", ACME, "m1", 5, 15, "participant", "+5")));
        assertThat(json(meeting("m1", acmeReader)).get("peak_concurrent_legs").intValue()).isEqualTo(2);
    }

    @Test
    void legsWithTheSameStartAreOrderedByCallSid() {
        store(List.of(leg("b", ACME, "m1", 0, 10, "host", "+1"), leg("a", ACME, "m1", 0, 10, "host", "+1"),
                leg("0", ACME, "m1", 5, 10, "host", "+1")));

        assertThat(callSids(json(meeting("m1", acmeReader)).get("items"))).containsExactly("a", "b", "0");
    }

    @Test
    void fieldSelectionAppliesToTheItems() {
        store(List.of(leg("c1", ACME, "m1", 0, 10, "host", "+1"), leg("c2", ACME, "m1", 5, 10, "participant", "+2")));

        JsonNode included = json(get(MEETINGS + "/m1?include_fields=role,call_sid", acmeReader));
        assertThat(included.get("items").valueStream().map(MeetingApiContract::keys).toList())
                .containsOnly(List.of("call_sid", "role"));
        assertThat(included.get("legs").intValue()).as("the summary is unchanged").isEqualTo(2);

        JsonNode excluded = json(get(MEETINGS + "/m1?exclude_fields=address_src,address_dst", acmeReader));
        assertThat(keys(excluded.get("items").get(0))).hasSize(25).doesNotContain("address_src", "address_dst");

        HttpResponse<String> unknown = get(MEETINGS + "/m1?include_fields=role,colour", acmeReader);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("errors").get(0).get("field").stringValue()).isEqualTo("include_fields");
    }

    @Test
    void readingMeetingsNeedsAReadingScope() {
        store(List.of(leg("c1", ACME, "m1", 0, 10, "host", "+1")));

        assertThat(meeting("m1", acmeIngest).statusCode()).isEqualTo(403);
        assertThat(get(MEETINGS, acmeIngest).statusCode()).isEqualTo(403);
        assertThat(get(MEETINGS, null).statusCode()).isEqualTo(401);
    }

    @Test
    void listSelectsMeetingsByAnyMatchingLegAndSummarisesAllTheirVisibleLegs() {
        store(List.of(
                leg("c1", ACME, "m1", 0, 60, "host", "+1"),
                leg("c2", ACME, "m1", 10, 70, "participant", "+2"),
                leg("c3", ACME, "m2", 100, 160, "participant", "+3"),
                leg("c4", ACME, null, 0, 60, "host", "+4"),
                leg("c5", GLOBEX, "m1", 0, 60, "host", "+5")));

        JsonNode page = json(get(MEETINGS + "?filter=" + encode("role eq host"), acmeReader));

        assertThat(keys(page)).containsExactly("count", "has_more", "items", "limit", "offset", "pagination", "total");
        assertThat(page.get("items").valueStream().map(item -> item.get("meeting_sid").stringValue()).toList()).containsExactly("m1");
        JsonNode m1 = page.get("items").get(0);
        assertThat(m1.has("items")).isFalse();
        assertThat(m1.get("legs").intValue()).as("the participant leg counts too; GLOBEX's does not").isEqualTo(2);
        assertThat(m1.get("peak_concurrent_legs").intValue()).isEqualTo(2);

        JsonNode all = json(get(MEETINGS, acmeReader));
        assertThat(all.get("items").valueStream().map(item -> item.get("meeting_sid").stringValue()).toList())
                .as("a leg without meeting_sid is no meeting").containsExactly("m1", "m2");
    }

    @Test
    void listOrdersAndPagesWithLinksThatCarryFilterAndOrder() {
        store(List.of(
                leg("c1", ACME, "m1", 0, 60, "host", "+1"),
                leg("c2", ACME, "m2", 10, 20, "host", "+1"),
                leg("c3", ACME, "m2", 10, 20, "host", "+1"),
                leg("c4", ACME, "m3", 5, 30, "host", "+1"),
                leg("c5", ACME, "m3", 6, 30, "host", "+1"),
                leg("c6", ACME, "m4", 7, 8, "host", "+1")));

        JsonNode first = json(get(MEETINGS + "?order=legs+desc&limit=2&filter=" + encode("role eq host"), acmeReader));
        assertThat(first.get("items").valueStream().map(item -> item.get("meeting_sid").stringValue()).toList())
                .as("two legs each: ties by meeting_sid, reversed with desc").containsExactly("m3", "m2");
        assertThat(first.get("has_more").booleanValue()).isTrue();
        String next = first.get("pagination").get("next").stringValue();
        assertThat(next).contains("order=legs%20desc", "filter=role%20eq%20host", "limit=2", "offset=2");

        JsonNode second = json(get(next.substring(next.indexOf("/core")), acmeReader));
        assertThat(second.get("items").valueStream().map(item -> item.get("meeting_sid").stringValue()).toList())
                .containsExactly("m4", "m1");
        assertThat(second.get("has_more").booleanValue()).isFalse();
        assertThat(second.get("pagination").has("next")).isFalse();
        assertThat(second.get("pagination").get("previous").stringValue()).contains("offset=0");

        JsonNode byDefault = json(get(MEETINGS, acmeReader));
        assertThat(byDefault.get("items").valueStream().map(item -> item.get("meeting_sid").stringValue()).toList())
                .as("earliest start first").containsExactly("m1", "m3", "m4", "m2");
    }

    @Test
    void badListParametersAreA400NamingTheParameter() {
        for (String[] bad : new String[][] {
                {"limit=0", "limit"}, {"limit=1001", "limit"}, {"limit=ten", "limit"}, {"offset=-1", "offset"},
                {"order=duration", "order"}, {"order=legs+sideways", "order"}, {"order=legs+asc+now", "order"},
                {"filter=" + encode("role eq"), "filter"}, {"filter=" + encode("colour eq red"), "filter"},
                {"limit=1&limit=2", "limit"}}) {
            HttpResponse<String> response = get(MEETINGS + "?" + bad[0], acmeReader);
            assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
            JsonNode body = json(response);
            assertThat(body.get("message").stringValue()).as(bad[0]).isEqualTo("Bad request");
            assertThat(body.get("errors").get(0).get("field").stringValue()).as(bad[0]).isEqualTo(bad[1]);
        }
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
