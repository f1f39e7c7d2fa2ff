package io.confcdr.store.sql;

import io.confcdr.model.Cdr;
import io.confcdr.model.CdrField;
import io.confcdr.query.MeetingOrder;
import io.confcdr.query.MeetingQuery;
import io.confcdr.query.Visibility;
import io.confcdr.store.MeetingPage;
import io.confcdr.store.MeetingStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectQuery;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Meetings in SQLite or PostgreSQL. One meeting is an index seek on {@code meeting_sid}; a listing is one
 * query grouping the visible legs by meeting_sid (ordered and cut to the page in SQL), then one read of the
 * page's legs. The summaries themselves are computed from those legs by the caller, as on every store.
 */
final class SqlMeetingStore implements MeetingStore {

    private final SqlDatabase db;
    private final CdrTable cdr;
    private final CdrQueryTranslator translator;
    private final CdrRows rows;
    private final Field<String> meetingSid;
    private final Field<Instant> dateStart;
    private final Field<Instant> dateStop;
    private final Field<Long> duration;

    @SuppressWarnings("unchecked")
    SqlMeetingStore(SqlDatabase db) {
        this.db = db;
        this.cdr = new CdrTable(db.dialect());
        this.translator = new CdrQueryTranslator(cdr, db.dialect());
        this.rows = new CdrRows(cdr, db.dialect());
        this.meetingSid = cdr.text(CdrField.MEETING_SID);
        this.dateStart = (Field<Instant>) cdr.column(CdrField.DATE_START);
        this.dateStop = (Field<Instant>) cdr.column(CdrField.DATE_STOP);
        this.duration = (Field<Long>) cdr.column(CdrField.DURATION);
    }

    @Override
    public List<Cdr> legs(String sid, Visibility visibility) {
        return db.read(dsl -> rows.fetch(legsQuery(dsl, sid, visibility)));
    }

    /** The legs of one meeting: {@code WHERE meeting_sid = ? AND partner_sid IN (…)}, an index seek. */
    SelectQuery<Record> legsQuery(DSLContext dsl, String sid, Visibility visibility) {
        SelectQuery<Record> query = dsl.selectQuery();
        query.addSelect(cdr.selectColumns());
        query.addFrom(cdr.table());
        query.addConditions(meetingSid.eq(sid).and(translator.visibility(visibility)));
        query.addOrderBy(dateStart.asc(), cdr.callSid().asc());
        return query;
    }

    @Override
    public MeetingPage page(MeetingQuery query, Visibility visibility) {
        return db.read(dsl -> {
            List<String> sids = dsl.fetch(pageQuery(dsl, query, visibility)).getValues(0, String.class);
            boolean hasNext = sids.size() > query.limit();
            List<String> page = hasNext ? sids.subList(0, query.limit()) : sids;
            if (page.isEmpty()) {
                return new MeetingPage(List.of(), false);
            }
            Map<String, List<Cdr>> legs = new LinkedHashMap<>();
            page.forEach(sid -> legs.put(sid, new ArrayList<>()));
            for (Cdr leg : rows.fetch(pageLegsQuery(dsl, page, visibility))) {
                legs.get(leg.meetingSid()).add(leg);
            }
            return new MeetingPage(List.copyOf(legs.values()), hasNext);
        });
    }

    /** The visible legs of the page's meetings: {@code WHERE meeting_sid IN (…) AND partner_sid IN (…)}. */
    SelectQuery<Record> pageLegsQuery(DSLContext dsl, List<String> page, Visibility visibility) {
        SelectQuery<Record> query = dsl.selectQuery();
        query.addSelect(cdr.selectColumns());
        query.addFrom(cdr.table());
        query.addConditions(meetingSid.in(page).and(translator.visibility(visibility)));
        query.addOrderBy(dateStart.asc(), cdr.callSid().asc());
        return query;
    }

    /**
     * The meeting_sids of the page, limit + 1 of them: the visible legs of every meeting that has a visible
     * leg matching the filter, grouped by meeting_sid, ordered on the requested aggregate, then meeting_sid.
     */
    SelectQuery<Record> pageQuery(DSLContext dsl, MeetingQuery query, Visibility visibility) {
        Condition visible = translator.visibility(visibility).and(meetingSid.isNotNull());
        Condition ofSelectedMeeting = visible.and(meetingSid.in(
                DSL.select(meetingSid).from(cdr.table()).where(visible.and(translator.filter(query.filter())))));
        MeetingOrder order = query.order();
        SelectQuery<Record> select = dsl.selectQuery();
        select.addSelect(meetingSid);
        select.addFrom(cdr.table());
        select.addConditions(ofSelectedMeeting);
        select.addGroupBy(meetingSid);
        Field<?> key = switch (order.key()) {
            case DATE_START -> DSL.min(dateStart);
            case DATE_STOP -> DSL.max(dateStop);
            case LEGS -> DSL.count();
            case MEETING_SID -> null;
            case MINUTES -> DSL.coalesce(DSL.sum(duration), DSL.inline(java.math.BigDecimal.ZERO));
            case PEAK_CONCURRENT_LEGS -> peakOf(select, ofSelectedMeeting);
        };
        List<SortField<?>> sort = new ArrayList<>();
        if (key != null) {
            sort.add(order.descending() ? key.desc() : key.asc());
        }
        sort.add(order.descending() ? meetingSid.desc() : meetingSid.asc());
        select.addOrderBy(sort);
        select.addLimit(query.offset(), query.limit() + 1);
        return select;
    }

    /**
     * Joins each meeting's peak concurrency to the grouped query and returns it as a sort key: every leg is
     * +1 at its start and -1 at its stop; a running sum per meeting, stops before starts at one instant (so
     * touching legs never overlap), and its maximum.
     */
    private Field<Integer> peakOf(SelectQuery<Record> select, Condition ofSelectedMeeting) {
        Field<String> mid = DSL.field(DSL.name("mid"), SQLDataType.VARCHAR);
        Field<Instant> at = DSL.field(DSL.name("at"), dateStart.getDataType());
        Field<Integer> delta = DSL.field(DSL.name("delta"), SQLDataType.INTEGER);
        Field<Integer> running = DSL.field(DSL.name("running"), SQLDataType.INTEGER);
        Table<?> events = DSL.select(meetingSid.as(mid), dateStart.as(at), DSL.inline(1).as(delta))
                .from(cdr.table()).where(ofSelectedMeeting)
                .unionAll(DSL.select(meetingSid.as(mid), dateStop.as(at), DSL.inline(-1).as(delta))
                        .from(cdr.table()).where(ofSelectedMeeting))
                .asTable("events");
        Table<?> sums = DSL.select(mid, DSL.sum(delta).over(DSL.partitionBy(mid).orderBy(at, delta).rowsUnboundedPreceding()).cast(SQLDataType.INTEGER).as(running))
                .from(events)
                .asTable("sums");
        Table<?> peaks = DSL.select(mid, DSL.max(running).as("peak")).from(sums).groupBy(mid).asTable("peaks");
        Field<String> peakMid = peaks.field(mid);
        Field<Integer> peak = peaks.field("peak", Integer.class);
        select.addJoin(peaks, peakMid.eq(meetingSid));
        select.addGroupBy(peak);
        return peak;
    }
}
