package io.confcdr.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confcdr.model.Cdr;
import io.confcdr.model.Seconds;
import io.confcdr.query.CdrQuery;
import io.confcdr.query.Cursor;
import io.confcdr.query.Filter;
import io.confcdr.query.Order;
import io.confcdr.query.QueryException;
import io.confcdr.query.Visibility;
import io.confcdr.store.CdrStore;
import io.confcdr.store.InsertResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryCdrStoreTest {

    private static final String ACME = "cee93bf3-5746-43fe-a1a2-822c05fef687";
    private static final String GLOBEX = "0a6e5d2b-1f3c-4d8e-9b7a-5c4d3e2f1a0b";
    private static final Instant NOW = Instant.parse("2024-12-14T11:01:03.195734Z");

    private final CdrStore store = new MemoryStorage(Clock.fixed(NOW, ZoneOffset.UTC)).cdrs();

    private static Cdr leg(String sid, String partner) {
        return Cdr.builder()
                .callSid(sid)
                .partnerSid(partner)
                .dateStart(Instant.parse("2024-12-14T10:03:14Z"))
                .dateStop(Instant.parse("2024-12-14T10:04:04Z"))
                .duration(Seconds.parse("50"))
                .durationMeeting(Seconds.ZERO)
                .role("participant")
                .build();
    }

    private static CdrQuery firstPage() {
        return CdrQuery.firstPage(Filter.ALL, Order.INSERTION, 10);
    }

    @Test
    void newRecordIsStoredWithTheCommitMillisecondAsDateInsert() {
        List<InsertResult> results = store.insert(List.of(leg("call-1", ACME).withDateInsert(Instant.EPOCH)));
        assertThat(results).singleElement().isInstanceOfSatisfying(InsertResult.Stored.class,
                stored -> assertThat(stored.stored().dateInsert()).isEqualTo(Instant.parse("2024-12-14T11:01:03.195Z")));
    }

    @Test
    void identicalResendIsADuplicateWhateverDateInsertItCarries() {
        store.insert(List.of(leg("call-1", ACME)));
        assertThat(store.insert(List.of(leg("call-1", ACME).withDateInsert(Instant.EPOCH))))
                .containsExactly(new InsertResult.Duplicate("call-1"));
    }

    @Test
    void sameSidWithDifferentContentIsAConflictAndChangesNothing() {
        store.insert(List.of(leg("call-1", ACME)));
        Cdr changed = leg("call-1", ACME).toBuilder().role("host").build();
        assertThat(store.insert(List.of(changed))).containsExactly(new InsertResult.Conflict("call-1"));
        assertThat(store.find("call-1", Visibility.of(ACME))).get().extracting(Cdr::role).isEqualTo("participant");
    }

    @Test
    void findHidesRecordsOfPartnersTheCallerCannotSee() {
        store.insert(List.of(leg("call-1", GLOBEX)));
        assertThat(store.find("call-1", Visibility.of(ACME))).isEmpty();
        assertThat(store.find("call-1", Visibility.of(ACME, GLOBEX))).isPresent();
    }

    @Test
    void listKeepsInsertionOrderAcrossBatches() {
        store.insert(List.of(leg("call-b", ACME), leg("call-a", ACME)));
        store.insert(List.of(leg("call-c", ACME)));
        assertThat(store.list(firstPage(), Visibility.of(ACME)).items()).extracting(Cdr::callSid)
                .containsExactly("call-b", "call-a", "call-c");
    }

    @Test
    void listAfterAnUnknownSidNamesIt() {
        store.insert(List.of(leg("call-1", ACME)));
        assertThatThrownBy(() -> store.list(firstPage().withCursor(Cursor.after("call-9")), Visibility.of(ACME)))
                .isInstanceOfSatisfying(QueryException.class, e -> {
                    assertThat(e.field()).isEqualTo("after");
                    assertThat(e.getMessage()).isEqualTo("unknown call_sid 'call-9'");
                });
    }
}
