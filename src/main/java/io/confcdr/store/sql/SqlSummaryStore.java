package io.confcdr.store.sql;

import io.confcdr.model.Cdr;
import io.confcdr.model.CdrField;
import io.confcdr.model.Seconds;
import io.confcdr.store.SlotSummary;
import io.confcdr.store.SummarySnapshot;
import io.confcdr.store.SummaryStore;
import io.confcdr.store.SummaryWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Slot summaries in SQL (V13): reads in one snapshot, refreshes in one write transaction. */
final class SqlSummaryStore implements SummaryStore {

    private static final Table<Record> SUMMARY = DSL.table(DSL.name("cdr_summary"));
    private static final Field<String> SCOPE = DSL.field(DSL.name("scope_sid"), SQLDataType.VARCHAR);
    private static final Field<Integer> SLOTS = DSL.field(DSL.name("slots"), SQLDataType.INTEGER);
    private static final List<Field<Long>> SUMS = List.of(
            DSL.field(DSL.name("legs"), SQLDataType.BIGINT),
            DSL.field(DSL.name("self_legs"), SQLDataType.BIGINT),
            DSL.field(DSL.name("joined_legs"), SQLDataType.BIGINT),
            DSL.field(DSL.name("failed_legs"), SQLDataType.BIGINT),
            DSL.field(DSL.name("duration_micros"), SQLDataType.BIGINT),
            DSL.field(DSL.name("billable_minutes"), SQLDataType.BIGINT));
    private static final Field<byte[]> PEAK = DSL.field(DSL.name("peak"), SQLDataType.BLOB);
    private static final Field<byte[]> MEETINGS = DSL.field(DSL.name("meetings"), SQLDataType.BLOB);
    private static final Table<Record> PARTNER = DSL.table(DSL.name("partner"));
    private static final Field<String> PARTNER_SID = DSL.field(DSL.name("sid"), SQLDataType.VARCHAR);
    private static final Field<String> PARENT_SID = DSL.field(DSL.name("parent_sid"), SQLDataType.VARCHAR);
    private static final int FETCH_SIZE = 5000;
    private static final int KEYS_PER_STATEMENT = 500;
    private static final int ROWS_PER_INSERT = 500;

    private final SqlDatabase db;
    private final CdrTable cdr;
    private final Field<Instant> slot;
    private final Field<Instant> dateStart;

    @SuppressWarnings("unchecked")
    SqlSummaryStore(SqlDatabase db, SqlCdrStore cdrs) {
        this.db = db;
        this.cdr = cdrs.table();
        this.slot = SummaryMarks.slot(db.dialect());
        this.dateStart = (Field<Instant>) cdr.column(CdrField.DATE_START);
    }

    @Override
    public boolean keepsSummaries() {
        return true;
    }

    @Override
    public <T> T read(Function<SummarySnapshot, T> work) {
        return Snapshots.read(db, "reading summaries", dsl -> work.apply(new Reads(dsl)));
    }

    @Override
    public <T> Optional<T> refresh(Function<SummaryWriter, T> work) {
        return db.write(tx -> db.dialect().lockSummaryRefresh(tx) ? Optional.of(work.apply(new Writes(tx))) : Optional.empty());
    }

    private class Reads implements SummarySnapshot {

        final DSLContext dsl;

        Reads(DSLContext dsl) {
            this.dsl = dsl;
        }

        @Override
        public Optional<long[]> startRange() {
            // Two subqueries: SQLite reads min or max from the index only when each is alone in its SELECT.
            var range = dsl.select(DSL.field(DSL.select(DSL.min(dateStart)).from(cdr.table())),
                    DSL.field(DSL.select(DSL.max(dateStart)).from(cdr.table()))).fetchOne();
            if (range == null || range.value1() == null) {
                return Optional.empty();
            }
            return Optional.of(new long[] {range.value1().toEpochMilli(), range.value2().toEpochMilli()});
        }

        @Override
        public List<StaleSlot> staleSlots(Collection<String> partnerSids, long from, long to) {
            List<StaleSlot> stale = new ArrayList<>();
            for (List<String> partners : chunks(partnerSids)) {
                dsl.selectDistinct(SummaryMarks.PARTNER, slot).from(SummaryMarks.STALE)
                        .where(SummaryMarks.PARTNER.in(partners).and(slot.ge(at(from))).and(slot.lt(at(to))))
                        .fetch().forEach(row -> stale.add(new StaleSlot(row.value1(), row.value2().toEpochMilli())));
            }
            return stale;
        }

        @Override
        public void summaries(Collection<String> scopes, int slots, long from, long to, BiConsumer<String, SlotSummary> sink) {
            List<Field<?>> columns = new ArrayList<>(List.of(SCOPE, slot));
            columns.addAll(SUMS);
            columns.add(PEAK);
            columns.add(MEETINGS);
            for (List<String> chunk : chunks(scopes)) {
                stream(dsl.select(columns).from(SUMMARY)
                        .where(SCOPE.in(chunk).and(SLOTS.eq(slots)).and(slot.ge(at(from))).and(slot.lt(at(to)))), rs ->
                        sink.accept(rs.getString(1), new SlotSummary(db.dialect().instant(rs, 2).toEpochMilli(), slots,
                                rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                                SummaryArrays.decode(rs.getBytes(9)), SummaryArrays.decode(rs.getBytes(10)))));
            }
        }

        @Override
        public void legs(Collection<String> partnerSids, long from, long to, Consumer<Cdr> sink) {
            List<Field<?>> columns = List.of(cdr.partnerSid(), cdr.column(CdrField.MEETING_SID), dateStart,
                    cdr.column(CdrField.DATE_STOP), cdr.column(CdrField.DATE_JOIN), cdr.column(CdrField.DISCONNECT_CAUSE),
                    cdr.column(CdrField.DURATION));
            for (List<String> partners : chunks(partnerSids)) {
                stream(dsl.select(columns).from(cdr.table())
                        .where(cdr.partnerSid().in(partners).and(dateStart.ge(at(from))).and(dateStart.lt(at(to)))
                                .and(db.dialect().spanIndexCondition(dateStart))), rs -> {
                    int cause = rs.getInt(6);
                    Integer disconnectCause = rs.wasNull() ? null : cause;
                    long micros = rs.getLong(7);
                    Seconds duration = rs.wasNull() ? null : new Seconds(micros);
                    sink.accept(Cdr.builder()
                            .partnerSid(rs.getString(1))
                            .meetingSid(rs.getString(2))
                            .dateStart(db.dialect().instant(rs, 3))
                            .dateStop(db.dialect().instant(rs, 4))
                            .dateJoin(db.dialect().instant(rs, 5))
                            .disconnectCause(disconnectCause)
                            .duration(duration)
                            .build());
                });
            }
        }

        @Override
        public Map<String, Long> latestStarts(Collection<String> partnerSids, Collection<String> meetingSids, long before) {
            // Only the meeting in SQL: a meeting has few records, and a condition on partner or date would
            // tempt a planner into the partner index and every earlier record of the subtree.
            Map<String, Long> latest = new HashMap<>();
            java.util.Set<String> partners = java.util.Set.copyOf(partnerSids);
            for (List<String> meetings : chunks(meetingSids)) {
                List<Dialect.MeetingRange> ranges = meetings.stream().map(sid -> new Dialect.MeetingRange(sid,
                        Dialect.MeetingRange.EARLIEST, at(before - 1))).toList();
                for (Dialect.MeetingStart start : db.dialect().meetingStarts(dsl, cdr, ranges)) {
                    if (partners.contains(start.partnerSid())) {
                        latest.merge(start.meetingSid(), start.dateStart().toEpochMilli(), Math::max);
                    }
                }
            }
            return latest;
        }

        @Override
        public Map<String, String> partnerParents() {
            Map<String, String> parents = new HashMap<>();
            dsl.select(PARTNER_SID, PARENT_SID).from(PARTNER).fetch().forEach(row -> parents.put(row.value1(), row.value2()));
            return parents;
        }

        @Override
        public long longestLegMillis() {
            Long longest = dsl.select(SummaryMarks.LONGEST).from(SummaryMarks.BOUND).fetchOne(SummaryMarks.LONGEST);
            return longest == null ? 0 : longest;
        }

        private void stream(ResultQuery<?> query, RowReader reader) {
            try (ResultSet rs = query.fetchSize(FETCH_SIZE).fetchResultSet()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            } catch (SQLException e) {
                throw new org.jooq.exception.DataAccessException("reading summaries failed", e);
            }
        }
    }

    private final class Writes extends Reads implements SummaryWriter {

        Writes(DSLContext tx) {
            super(tx);
        }

        @Override
        public List<Mark> marks(int max) {
            Instant last = dsl.select(slot).from(SummaryMarks.STALE).orderBy(slot).limit(1).offset(max - 1).fetchOne(slot);
            var marks = dsl.select(SummaryMarks.ID, SummaryMarks.PARTNER, slot).from(SummaryMarks.STALE);
            var marked = last == null ? marks : marks.where(slot.lt(at(dayAfter(last.toEpochMilli()))));
            return marked.orderBy(slot, SummaryMarks.ID)
                    .fetch(row -> new Mark(row.value1(), row.value2(), row.value3().toEpochMilli()));
        }

        private static long dayAfter(long millis) {
            long day = SlotSummary.DAY_SLOTS * io.confcdr.store.UsageCell.SLOT_MILLIS;
            return millis - Math.floorMod(millis, day) + day;
        }

        @Override
        public void replace(String scope, int slots, long from, long to, List<SlotSummary> summaries) {
            dsl.deleteFrom(SUMMARY).where(SCOPE.eq(scope).and(SLOTS.eq(slots)).and(slot.ge(at(from))).and(slot.lt(at(to))))
                    .execute();
            List<Field<?>> columns = new ArrayList<>(List.of(SCOPE, SLOTS, slot));
            columns.addAll(SUMS);
            columns.add(PEAK);
            columns.add(MEETINGS);
            for (int i = 0; i < summaries.size(); i += ROWS_PER_INSERT) {
                InsertValuesStepN<Record> insert = dsl.insertInto(SUMMARY).columns(columns);
                for (SlotSummary s : summaries.subList(i, Math.min(summaries.size(), i + ROWS_PER_INSERT))) {
                    if (s.slots() != slots || s.start() < from || s.start() >= to) {
                        throw new IllegalArgumentException("a summary outside what it replaces");
                    }
                    insert = insert.values(scope, slots, at(s.start()), s.legs(), s.selfLegs(), s.joinedLegs(),
                            s.failedLegs(), s.durationMicros(), s.billableMinutes(), SummaryArrays.encode(s.peak()),
                            SummaryArrays.encode(s.meetings()));
                }
                insert.execute();
            }
        }

        @Override
        public void clear(List<Mark> marks) {
            List<Long> ids = marks.stream().map(Mark::id).toList();
            for (List<Long> chunk : chunks(ids)) {
                dsl.deleteFrom(SummaryMarks.STALE).where(SummaryMarks.ID.in(chunk)).execute();
            }
        }
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static Instant at(long millis) {
        return Instant.ofEpochMilli(millis);
    }

    private static <T> List<List<T>> chunks(Collection<T> values) {
        List<T> all = List.copyOf(values);
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += KEYS_PER_STATEMENT) {
            chunks.add(all.subList(i, Math.min(all.size(), i + KEYS_PER_STATEMENT)));
        }
        return chunks;
    }
}
