package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.Cdr;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The three filters API.md §2.2 says CarrierX's own clients send, verbatim over HTTP, encoded the way
 * those clients encode query strings. Each filter meets records on both sides of its bounds, a
 * millisecond apart.
 */
abstract class CarrierxFilterExamplesContract extends AbstractApiTest {

    private static final String LIST = "/core/v2/app/conference/calls";

    /** date_stop of each stored record, by a short name; the records are stored in this order. */
    private static final Map<String, String> STOPS = new java.util.LinkedHashMap<>();

    static {
        STOPS.put("dayBefore", "2020-03-14T23:59:59.999Z");
        STOPS.put("dayStart", "2020-03-15T00:00:00.000Z");
        STOPS.put("beforeHour", "2024-10-31T17:59:59.999Z");
        STOPS.put("hourStart", "2024-10-31T18:00:00.000Z");
        STOPS.put("hourEnd", "2024-10-31T18:59:59.999Z");
        STOPS.put("afterHour", "2024-10-31T19:00:00.000Z");
        STOPS.put("beforeNoon", "2025-01-01T11:59:59.999Z");
        STOPS.put("noon", "2025-01-01T12:00:00.000Z");
    }

    /** How a client turns {@code filter=<text>} into a query string. */
    enum Encoding {
        /** Node's URLSearchParams, browsers' forms, Python's urlencode: space as +, + as %2B, : as %3A. */
        URL_SEARCH_PARAMS {
            @Override
            String encode(String value) {
                return URLEncoder.encode(value, StandardCharsets.UTF_8);
            }
        },
        /** curl --data-urlencode: space as %20, + as %2B. */
        CURL {
            @Override
            String encode(String value) {
                return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
            }
        },
        /** Typed by hand into a URL: spaces as +, everything else left alone (an unencoded + reads as a space). */
        BY_HAND {
            @Override
            String encode(String value) {
                return value.replace(' ', '+');
            }
        };

        abstract String encode(String value);
    }

    private Map<String, String> sidByName;

    @BeforeEach
    void storeRecordsAroundTheBounds() {
        List<String> names = List.copyOf(STOPS.keySet());
        List<Cdr> records = IntStream.range(0, names.size()).mapToObj(i -> endingAt(i, Instant.parse(STOPS.get(names.get(i))))).toList();
        assertThat(postNdjson(ndjson(records)).statusCode()).isEqualTo(200);
        sidByName = new java.util.HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            sidByName.put(names.get(i), records.get(i).callSid());
        }
    }

    private static Cdr endingAt(int n, Instant stop) {
        Cdr leg = Calls.leg(n, ACME);
        return PaginationWalkContract.leg(leg.callSid(), stop.minusMillis(46_500), n);
    }

    private List<String> listed(String filter, Encoding encoding) {
        HttpResponse<String> response = get(LIST + "?filter=" + encoding.encode(filter) + "&include_fields=call_sid&limit=100", acmeReader);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("items").valueStream().map(item -> item.get("call_sid").stringValue()).toList();
    }

    private List<String> sids(String... names) {
        return List.of(names).stream().map(sidByName::get).toList();
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void anHourWindowReturnsTheCallsThatEndedInsideIt(Encoding encoding) {
        assertThat(listed("date_stop ge 2024-10-31T18:00:00Z and date_stop lt 2024-10-31T19:00:00Z", encoding))
                .isEqualTo(sids("hourStart", "hourEnd"));
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void aBareDayReturnsTheCallsThatEndedFromItsMidnightUtc(Encoding encoding) {
        assertThat(listed("date_stop ge 2020-03-15", encoding))
                .isEqualTo(sids("dayStart", "beforeHour", "hourStart", "hourEnd", "afterHour", "beforeNoon", "noon"));
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void aZeroOffsetReturnsTheCallsThatEndedFromThatInstant(Encoding encoding) {
        assertThat(listed("date_stop ge 2025-01-01T12:00:00+00:00", encoding)).isEqualTo(sids("noon"));
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void aPositiveOffsetIsSubtractedToGetUtc(Encoding encoding) {
        assertThat(listed("date_stop ge 2025-01-01T12:59:59.999+01:00", encoding)).isEqualTo(sids("beforeNoon", "noon"));
    }
}
