package io.confcdr.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confcdr.auth.Caller;
import io.confcdr.auth.ForbiddenException;
import io.confcdr.auth.Scopes;
import io.confcdr.model.ApiToken;
import io.confcdr.model.Cdr;
import io.confcdr.model.Partner;
import io.confcdr.query.Filter;
import io.confcdr.query.FilterParser;
import io.confcdr.query.QueryException;
import io.confcdr.store.TestRecords;
import io.confcdr.store.memory.MemoryStorage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may report on which legs, and the bucket bound, without HTTP. */
class ReportsTest {

    private final MemoryStorage storage = new MemoryStorage(Clock.systemUTC());
    private final Reports reports = new Reports(storage.cdrs(), storage.partners());
    private final TestRecords parent = new TestRecords();
    private final TestRecords child = new TestRecords();

    ReportsTest() {
        storage.partners().create(new Partner(parent.partnerSid(), "Parent", null, Partner.ACTIVE, Instant.EPOCH));
        storage.partners().create(new Partner(child.partnerSid(), "Child", parent.partnerSid(), Partner.ACTIVE, Instant.EPOCH));
        storage.cdrs().insert(List.of(parent.call("p").build(), child.call("c1").build(), child.call("c2").build()));
    }

    private Caller token(String... scopes) {
        return new Caller.Bearer(new ApiToken("t", parent.partnerSid(), "t", Set.of(scopes), Instant.EPOCH, null, null, null));
    }

    private static UsageQuery byPartner(boolean rollup) {
        return new UsageQuery(Filter.ALL, List.of(GroupKey.PARTNER_SID), ZoneOffset.UTC, rollup);
    }

    private static List<String> legsByPartner(List<UsageRow> rows) {
        return rows.stream().map(row -> row.keys().getFirst() + "=" + row.measures().legs()).toList();
    }

    @Test
    void aTokenWithoutAReadingScopeIsRefused() {
        assertThatThrownBy(() -> reports.readerFor(token(Scopes.CDR_INGEST))).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aTokenReportsOnItsOwnPartnerAndWithReadDescendantOnItsSubtree() {
        assertThat(legsByPartner(reports.readerFor(token(Scopes.APP_MANAGE)).usage(byPartner(false))))
                .containsExactly(parent.partnerSid() + "=1");
        assertThat(legsByPartner(reports.readerFor(token(Scopes.APP_READ, Scopes.APP_READ_DESCENDANT)).usage(byPartner(true))))
                .containsExactlyInAnyOrder(parent.partnerSid() + "=3", child.partnerSid() + "=2");
    }

    @Test
    void theOperatorReportsOnEveryPartner() {
        assertThat(reports.readerFor(Caller.operator()).usage(byPartner(false))).hasSize(2);
    }

    @Test
    void aReportOfTooManyBucketsIsRefusedOnInterval() {
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        List<Cdr> legs = new ArrayList<>(List.of(parent.call("year").build().toBuilder()
                .dateStart(start).dateJoin(null).dateDisconnected(null).dateStop(start.plusSeconds(400L * 86_400)).build()));
        storage.cdrs().insert(legs);
        var query = new ConcurrencyQuery(FilterParser.parse("call_sid eq " + legs.getFirst().callSid()), Interval.FIVE_MINUTES, ZoneOffset.UTC);

        assertThatThrownBy(() -> reports.readerFor(Caller.operator()).concurrency(query))
                .isInstanceOf(QueryException.class)
                .hasMessageContaining("more than 100000 buckets");
        var daily = new ConcurrencyQuery(query.filter(), Interval.DAY, ZoneOffset.UTC);
        assertThat(reports.readerFor(Caller.operator()).concurrency(daily)).hasSize(400);
    }
}
