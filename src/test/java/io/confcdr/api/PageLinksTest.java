package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.Cdr;
import io.confcdr.query.CdrQuery;
import io.confcdr.query.Cursor;
import io.confcdr.query.Filter;
import io.confcdr.query.Order;
import io.confcdr.store.Page;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageLinksTest {

    private static final String BASE = "https://cdr.example.com/core/v2/app/conference/calls";
    private final PageLinks links = new PageLinks(BASE);
    private final List<Cdr> items = List.of(Calls.leg(1, "acme"), Calls.leg(2, "acme"));

    @Test
    void filterAndOrderAreCarriedPercentEncodedWithSpacesAsPercent20() {
        Map<String, List<String>> params = Map.of(
                "filter", List.of("custom_name eq 'Zoë & co' and duration ge 4.5"),
                "order", List.of("date_start desc"),
                "with_total", List.of("true"),
                "offset", List.of("20"),
                "unrelated", List.of("x"));
        var query = new CdrQuery(Filter.ALL, Order.INSERTION, 2, 20, null, true);

        PageLinks.Links result = links.of(params, query, new Page(items, true, true, 40L));

        assertThat(result.next()).isEqualTo(BASE + "?filter=custom_name%20eq%20%27Zo%C3%AB%20%26%20co%27%20and%20duration%20ge%204.5"
                + "&order=date_start%20desc&with_total=true&limit=2&after=" + items.get(1).callSid());
        assertThat(result.previous()).endsWith("&with_total=true&limit=2&before=" + items.get(0).callSid());
    }

    @Test
    void aShuffledListingStepsTheOffsetBecauseItHasNoKeyset() {
        var query = new CdrQuery(Filter.ALL, new Order.Shuffle(), 2, 4, null, false);

        PageLinks.Links result = links.of(Map.of("order", List.of("shuffle")), query, new Page(items, true, true, null));

        assertThat(result.next()).isEqualTo(BASE + "?order=shuffle&limit=2&offset=6");
        assertThat(result.previous()).isEqualTo(BASE + "?order=shuffle&limit=2&offset=2");
    }

    @Test
    void aBeforePageReportsMoreInItsOwnDirection() {
        var query = new CdrQuery(Filter.ALL, Order.INSERTION, 2, 0, Cursor.before(Calls.leg(3, "acme").callSid()), false);

        assertThat(ListEnvelope.hasMore(query, new Page(items, true, false, null))).isFalse();
        assertThat(ListEnvelope.hasMore(query, new Page(items, false, true, null))).isTrue();
    }

    @Test
    void noLinkIsOfferedWhereNothingLies() {
        var query = CdrQuery.firstPage(Filter.ALL, Order.INSERTION, 10);

        assertThat(links.of(Map.of(), query, new Page(items, false, false, null))).isEqualTo(new PageLinks.Links(null, null));
    }
}
