package io.confcdr.store.sql;

import io.confcdr.model.Cdr;
import io.confcdr.model.CdrField;
import io.confcdr.store.UsageCell;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Marks, in the transaction of every write of records, the slots whose summaries the write may change
 * (V13, {@code cdr_summary_stale}), by the partner of each record:
 * <ul>
 *   <li>every slot a record is up in, from its start's to its stop's (its legs up change the peaks there);</li>
 *   <li>the later slots where its meeting has other records (whether the meeting is new to a group there
 *       depends on the meeting's earlier starts).</li>
 * </ul>
 * Inserts also raise the bound on the longest leg, which tells a refresh how far back to look for legs up.
 */
final class SummaryMarks {

    static final Table<Record> STALE = DSL.table(DSL.name("cdr_summary_stale"));
    static final Field<Long> ID = DSL.field(DSL.name("id"), SQLDataType.BIGINT);
    static final Field<String> PARTNER = DSL.field(DSL.name("partner_sid"), SQLDataType.VARCHAR);
    static final Table<Record> BOUND = DSL.table(DSL.name("cdr_summary_bound"));
    static final Field<Long> LONGEST = DSL.field(DSL.name("longest_leg_millis"), SQLDataType.BIGINT);
    private static final int MEETINGS_PER_LOOKUP = 500;
    /** Four days: a record up longer has its slots looked up rather than counted out. */
    private static final long MAX_SPAN_SLOTS = 4 * 96;
    private static final long SLOT = UsageCell.SLOT_MILLIS;

    private final CdrTable cdr;
    private final Dialect dialect;
    private final Field<Instant> slot;
    private final Field<String> meetingSid;
    private final Field<Instant> dateStart;
    private final Field<Instant> dateStop;

    @SuppressWarnings("unchecked")
    SummaryMarks(CdrTable cdr, Dialect dialect) {
        this.cdr = cdr;
        this.dialect = dialect;
        this.slot = slot(dialect);
        this.meetingSid = (Field<String>) cdr.column(CdrField.MEETING_SID);
        this.dateStart = (Field<Instant>) cdr.column(CdrField.DATE_START);
        this.dateStop = (Field<Instant>) cdr.column(CdrField.DATE_STOP);
    }

    static Field<Instant> slot(Dialect dialect) {
        return DSL.field(DSL.name("slot"), dialect.instantType());
    }

    /** Marks what the records just inserted in {@code tx} change, and raises the bound on the longest leg. */
    void inserted(DSLContext tx, List<Cdr> inserted) {
        long longest = 0;
        List<Span> spans = new ArrayList<>(inserted.size());
        for (Cdr leg : inserted) {
            Span span = new Span(leg.partnerSid(), leg.meetingSid(), leg.dateStart().toEpochMilli(), leg.dateStop().toEpochMilli());
            spans.add(span);
            longest = Math.max(longest, span.stop - span.start);
        }
        mark(tx, spans);
        if (longest > 0) {
            tx.update(BOUND).set(LONGEST, longest).where(LONGEST.lt(longest)).execute();
        }
    }

    /** Marks what deleting the records matching {@code matching} changes; the caller then deletes them in {@code tx}. */
    void deleting(DSLContext tx, Condition matching) {
        List<Span> spans = tx.select(cdr.partnerSid(), meetingSid, dateStart, dateStop).from(cdr.table()).where(matching)
                .fetch(row -> new Span(row.value1(), row.value2(), row.value3().toEpochMilli(), row.value4().toEpochMilli()));
        mark(tx, spans);
    }

    /**
     * Marks every slot where the records of {@code partners} start, for {@code scope}: after a partner moves,
     * the subtrees above its old and its new parent may change anywhere their records are.
     */
    static void subtreeChanged(DSLContext tx, Dialect dialect, String scope, Collection<String> partners) {
        Field<Instant> usageSlot = DSL.field(DSL.name("date_start"), dialect.instantType());
        Field<String> usagePartner = DSL.field(DSL.name("partner_sid"), SQLDataType.VARCHAR);
        tx.insertInto(STALE, PARTNER, slot(dialect))
                .select(DSL.selectDistinct(DSL.val(scope), usageSlot).from(UsageAggregates.TABLE).where(usagePartner.in(partners)))
                .execute();
    }

    private void mark(DSLContext tx, List<Span> spans) {
        if (spans.isEmpty()) {
            return;
        }
        Set<Mark> marks = new LinkedHashSet<>();
        Map<String, Set<String>> partnersByMeeting = new HashMap<>();
        Map<String, Long> earliestByMeeting = new HashMap<>();
        for (Span span : spans) {
            long last = slotOf(Math.max(span.start, span.stop - 1));
            long first = slotOf(span.start);
            if (last - first > MAX_SPAN_SLOTS * SLOT) {
                // A record up for months or years: only the slots where some record starts have summaries.
                Field<Instant> usageSlot = DSL.field(DSL.name("date_start"), dialect.instantType());
                tx.selectDistinct(usageSlot).from(UsageAggregates.TABLE)
                        .where(usageSlot.ge(Instant.ofEpochMilli(first)).and(usageSlot.le(Instant.ofEpochMilli(last))))
                        .fetch(usageSlot).forEach(s -> marks.add(new Mark(span.partner, s.toEpochMilli())));
                continue;
            }
            for (long s = first; s <= last; s += SLOT) {
                marks.add(new Mark(span.partner, s));
            }
            if (span.meeting != null) {
                partnersByMeeting.computeIfAbsent(span.meeting, m -> new LinkedHashSet<>()).add(span.partner);
                earliestByMeeting.merge(span.meeting, span.start, Math::min);
            }
        }
        List<String> meetings = List.copyOf(partnersByMeeting.keySet());
        for (int from = 0; from < meetings.size(); from += MEETINGS_PER_LOOKUP) {
            List<String> chunk = meetings.subList(from, Math.min(meetings.size(), from + MEETINGS_PER_LOOKUP));
            // Records of the meeting in later slots than its earliest written here: mostly none.
            List<Dialect.MeetingRange> ranges = chunk.stream().map(meeting -> new Dialect.MeetingRange(meeting,
                    Instant.ofEpochMilli(slotOf(earliestByMeeting.get(meeting)) + SLOT), Dialect.MeetingRange.LATEST)).toList();
            for (Dialect.MeetingStart later : dialect.meetingStarts(tx, cdr, ranges)) {
                for (String partner : partnersByMeeting.get(later.meetingSid())) {
                    marks.add(new Mark(partner, slotOf(later.dateStart().toEpochMilli())));
                }
            }
        }
        List<Object[]> rows = new ArrayList<>(marks.size());
        for (Mark mark : marks) {
            rows.add(new Object[] {mark.partner, Instant.ofEpochMilli(mark.slot)});
        }
        dialect.append(tx, STALE, List.of(PARTNER, slot), rows);
    }

    private static long slotOf(long millis) {
        return millis - Math.floorMod(millis, SLOT);
    }

    private record Span(String partner, String meeting, long start, long stop) {
    }

    private record Mark(String partner, long slot) {
    }
}
