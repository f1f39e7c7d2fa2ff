package io.confcdr.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confcdr.model.Cdr;
import io.confcdr.model.CdrField;
import io.confcdr.query.CdrQuery;
import io.confcdr.query.CdrScan;
import io.confcdr.query.Condition;
import io.confcdr.query.Comparison;
import io.confcdr.query.Cursor;
import io.confcdr.query.Filter;
import io.confcdr.query.Order;
import io.confcdr.query.Visibility;
import io.confcdr.store.memory.ReferenceEvaluator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link CdrStore#scan}, the export's read, on every store: it hands over exactly what walking the list
 * route's pages gives (same filter, order and keyset), resumes after a cursor, refuses cursors it may not
 * see, and gives its connection back however the scan ends.
 */
public abstract class CdrScanContract extends StorageContract {

    private List<Cdr> stored(TestRecords records, int count) {
        List<Cdr> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var call = records.call("call-" + i);
            if (i % 4 == 1) {
                call.disconnectCause(null).customName("Zoë, \"quoted\"\r\nnext line \\ back");
            }
            if (i % 5 == 2) {
                call.dateStop(call.build().dateStart().plusSeconds(3600 - i)).duration(null);
            }
            sent.add(call.build());
        }
        // Several batches, so insertion order is not one commit.
        List<Cdr> result = new ArrayList<>();
        for (int from = 0; from < count; from += 40) {
            for (InsertResult r : storage.cdrs().insert(sent.subList(from, Math.min(count, from + 40)))) {
                result.add(((InsertResult.Stored) r).stored());
            }
        }
        return result;
    }

    private List<Cdr> scan(CdrScan scan, Visibility visibility) {
        List<Cdr> out = new ArrayList<>();
        storage.cdrs().scan(scan, visibility, out::add);
        return out;
    }

    /** The list route's answer: every page, followed by its after cursor. */
    private List<Cdr> walkPages(Filter filter, Order order, Visibility visibility) {
        List<Cdr> out = new ArrayList<>();
        CdrQuery query = CdrQuery.firstPage(filter, order, 7);
        while (true) {
            Page page = storage.cdrs().list(query, visibility);
            out.addAll(page.items());
            if (!page.hasNext()) {
                return out;
            }
            query = query.withCursor(Cursor.after(page.items().getLast().callSid()));
        }
    }

    @Test
    void aScanHandsOverWhatTheListPagesGiveInInsertionOrder() {
        var records = new TestRecords();
        List<Cdr> all = stored(records, 150);
        Visibility visibility = Visibility.of(records.partnerSid());

        List<Cdr> scanned = scan(new CdrScan(Filter.ALL, Order.INSERTION, null), visibility);

        assertThat(scanned).containsExactlyElementsOf(all);
        assertThat(scanned).containsExactlyElementsOf(walkPages(Filter.ALL, Order.INSERTION, visibility));
    }

    @Test
    void aScanFollowsTheFilterAndOrderAsTheListRouteDoes() {
        var records = new TestRecords();
        List<Cdr> all = stored(records, 120);
        Visibility visibility = Visibility.of(records.partnerSid());
        var filter = new Filter(List.of(new Condition.IsNull(CdrField.DISCONNECT_CAUSE, true)));
        var order = new Order.ByField(CdrField.DATE_STOP, true);

        List<Cdr> scanned = scan(new CdrScan(filter, order, null), visibility);

        assertThat(scanned).containsExactlyElementsOf(walkPages(filter, order, visibility));
        assertThat(scanned).containsExactlyElementsOf(ReferenceEvaluator.scan(all, new CdrScan(filter, order, null), visibility));
        assertThat(scanned).hasSize(90);
    }

    @Test
    void aScanAfterARecordResumesExactlyAfterIt() {
        var records = new TestRecords();
        stored(records, 100);
        Visibility visibility = Visibility.of(records.partnerSid());
        for (Order order : List.of(Order.INSERTION, new Order.ByField(CdrField.DATE_STOP, false),
                new Order.ByField(CdrField.DISCONNECT_CAUSE, true))) {
            List<Cdr> whole = scan(new CdrScan(Filter.ALL, order, null), visibility);

            List<Cdr> resumed = new ArrayList<>(whole.subList(0, 37));
            resumed.addAll(scan(new CdrScan(Filter.ALL, order, Cursor.after(whole.get(36).callSid())), visibility));

            assertThat(resumed).as("order %s", order).containsExactlyElementsOf(whole);
        }
    }

    @Test
    void aCursorOnARecordTheFilterDropsStillMarksThePlace() {
        var records = new TestRecords();
        List<Cdr> all = stored(records, 20);
        Visibility visibility = Visibility.of(records.partnerSid());
        var filter = new Filter(List.of(new Condition.Compare(CdrField.CALL_SID, Comparison.NE, all.get(5).callSid())));

        List<Cdr> scanned = scan(new CdrScan(filter, Order.INSERTION, Cursor.after(all.get(5).callSid())), visibility);

        assertThat(scanned).containsExactlyElementsOf(all.subList(6, 20));
    }

    @Test
    void aCursorNamingAnUnknownOrInvisibleRecordIsRefusedBeforeAnyRecord() {
        var mine = new TestRecords();
        var theirs = new TestRecords();
        stored(mine, 3);
        Cdr invisible = stored(theirs, 1).getFirst();
        List<Cdr> handed = new ArrayList<>();

        for (String sid : List.of("no-such-call", invisible.callSid())) {
            assertThatThrownBy(() -> storage.cdrs().scan(new CdrScan(Filter.ALL, Order.INSERTION, Cursor.after(sid)),
                    Visibility.of(mine.partnerSid()), handed::add))
                    .isInstanceOf(UnknownCursorException.class);
        }
        assertThat(handed).isEmpty();
    }

    @Test
    void aScanNeverHandsOverRecordsOfPartnersItCannotSee() {
        var mine = new TestRecords();
        var theirs = new TestRecords();
        List<Cdr> own = stored(mine, 10);
        stored(theirs, 10);

        assertThat(scan(new CdrScan(Filter.ALL, Order.INSERTION, null), Visibility.of(mine.partnerSid())))
                .containsExactlyElementsOf(own);
    }

    @Test
    void aScanThatTheReaderAbandonsGivesItsConnectionBack() {
        var records = new TestRecords();
        stored(records, 30);
        Visibility visibility = Visibility.of(records.partnerSid());
        var scan = new CdrScan(Filter.ALL, Order.INSERTION, null);

        // More abandoned scans than any pool has connections: a leaked connection would make the list hang.
        for (int i = 0; i < 25; i++) {
            assertThatThrownBy(() -> storage.cdrs().scan(scan, visibility, cdr -> {
                throw new IllegalStateException("client went away");
            })).hasMessage("client went away");
        }

        assertThat(storage.cdrs().list(CdrQuery.firstPage(Filter.ALL, Order.INSERTION, 100), visibility).items()).hasSize(30);
    }

    @Test
    void anEncodedScanHandsOverTextInAnyScriptAndDatesAroundBothEpochsExactlyAsStored() {
        var records = new TestRecords();
        List<Cdr> sent = new ArrayList<>();
        List<String> dates = List.of("1969-12-31T23:59:59.999Z", "1999-12-31T23:59:59.001Z", "2000-01-01T00:00:00Z",
                "1900-03-01T00:00:00.5Z", "2100-12-31T23:59:59.999Z");
        for (int i = 0; i < dates.size(); i++) {
            java.time.Instant date = java.time.Instant.parse(dates.get(i));
            sent.add(records.call("odd-" + i)
                    .customName("Zoë \"日本\" \uD83D\uDE00 \u0001\t\\ / \u2028 " + i)
                    .audioKey("")
                    .dateDisconnected(date).dateJoin(date).dateStart(date).dateStop(date.plusMillis(1))
                    .build());
        }
        sent.add(TestRecords.withNulls(records.call("nulls").build()));
        storage.cdrs().insert(sent);
        Visibility visibility = Visibility.of(records.partnerSid());

        List<io.confcdr.model.EncodedCdr> encoded = new ArrayList<>();
        storage.cdrs().scanEncoded(new CdrScan(Filter.ALL, Order.INSERTION, null), visibility, encoded::add);

        List<Cdr> decoded = encoded.stream().map(io.confcdr.model.EncodedCdr::toCdr).toList();
        assertThat(decoded).containsExactlyElementsOf(scan(new CdrScan(Filter.ALL, Order.INSERTION, null), visibility));
        assertThat(decoded).hasSize(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            Cdr found = storage.cdrs().find(sent.get(i).callSid(), visibility).orElseThrow();
            assertThat(decoded.get(i)).isEqualTo(found);
            assertThat(decoded.get(i).sameContent(sent.get(i))).as(sent.get(i).callSid()).isTrue();
        }
    }
}
