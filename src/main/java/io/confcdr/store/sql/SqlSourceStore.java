package io.confcdr.store.sql;

import io.confcdr.model.Cdr;
import io.confcdr.model.SequenceRange;
import io.confcdr.model.SequenceRanges;
import io.confcdr.model.Timestamps;
import io.confcdr.store.InsertResult;
import io.confcdr.store.SourceStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * Sources in {@code ingest_source} and their received numbers in {@code ingest_source_range}, one row per
 * range. A batch's range is merged in the transaction of its records, after {@link CdrBatchInsert} has
 * serialised it with every other insert, so two batches of one source never merge from the same old rows.
 */
final class SqlSourceStore implements SourceStore {

    private final SqlDatabase db;
    private final CdrBatchInsert inserter;
    private final Clock clock;
    private final Table<Record> source = DSL.table(DSL.name("ingest_source"));
    private final Table<Record> range = DSL.table(DSL.name("ingest_source_range"));
    private final Field<String> owner = DSL.field(DSL.name("owner"), SQLDataType.VARCHAR);
    private final Field<String> name = DSL.field(DSL.name("name"), SQLDataType.VARCHAR);
    private final Field<Instant> dateLastSeen;
    private final Field<Long> firstSeq = DSL.field(DSL.name("first_seq"), SQLDataType.BIGINT);
    private final Field<Long> lastSeq = DSL.field(DSL.name("last_seq"), SQLDataType.BIGINT);

    SqlSourceStore(SqlDatabase db, CdrBatchInsert inserter, Clock clock) {
        this.db = db;
        this.inserter = inserter;
        this.clock = clock;
        this.dateLastSeen = DSL.field(DSL.name("date_last_seen"), db.dialect().instantType());
    }

    @Override
    public Receipt insertReceived(Source key, SequenceRange received, List<Cdr> records) {
        return db.write(tx -> {
            List<InsertResult> results = inserter.insertIn(tx, records);
            merge(tx, key, received);
            touch(tx, key, Timestamps.truncate(clock.instant()));
            int ranges = tx.fetchCount(range, of(key));
            return new Receipt(results, ranges - 1);
        });
    }

    /** Replaces the ranges {@code received} overlaps or touches by their union with it. */
    private void merge(DSLContext tx, Source key, SequenceRange received) {
        // Sequence numbers stop at 2^53, so neither bound overflows.
        Condition touching = of(key)
                .and(firstSeq.le(received.last() + 1))
                .and(lastSeq.ge(received.first() - 1));
        List<SequenceRange> found = tx.select(firstSeq, lastSeq).from(range).where(touching)
                .fetch(row -> new SequenceRange(row.value1(), row.value2()));
        SequenceRange merged = SequenceRanges.merged(received, found);
        if (found.size() == 1 && found.getFirst().equals(merged)) {
            return; // a resent batch: nothing new
        }
        if (!found.isEmpty()) {
            tx.deleteFrom(range).where(of(key)).and(firstSeq.in(found.stream().map(SequenceRange::first).toList())).execute();
        }
        tx.insertInto(range, owner, name, firstSeq, lastSeq)
                .values(key.owner(), key.name(), merged.first(), merged.last()).execute();
    }

    private void touch(DSLContext tx, Source key, Instant now) {
        int updated = tx.update(source).set(dateLastSeen, now).where(of(key)).execute();
        if (updated == 0) {
            tx.insertInto(source, owner, name, dateLastSeen).values(key.owner(), key.name(), now).execute();
        }
    }

    private Condition of(Source key) {
        return owner.eq(key.owner()).and(name.eq(key.name()));
    }

    @Override
    public List<SourceState> list(Set<String> owners) {
        if (owners != null && owners.isEmpty()) {
            return List.of();
        }
        Condition whose = owners == null ? DSL.noCondition() : owner.in(owners);
        return db.read(dsl -> {
            Map<Source, Instant> seen = new LinkedHashMap<>();
            dsl.select(owner, name, dateLastSeen).from(source).where(whose).orderBy(name, owner)
                    .forEach(row -> seen.put(new Source(row.value1(), row.value2()), row.value3()));
            Map<Source, List<SequenceRange>> ranges = new HashMap<>();
            dsl.select(owner, name, firstSeq, lastSeq).from(range).where(whose)
                    .forEach(row -> ranges.computeIfAbsent(new Source(row.value1(), row.value2()), k -> new ArrayList<>())
                            .add(new SequenceRange(row.value3(), row.value4())));
            List<SourceState> states = new ArrayList<>(seen.size());
            seen.forEach((key, date) -> states.add(
                    new SourceState(key, SequenceRanges.of(ranges.getOrDefault(key, List.of())), date)));
            return states;
        });
    }

    @Override
    public Map<Source, Integer> gapCounts() {
        return db.read(dsl -> {
            Map<Source, Integer> gaps = new HashMap<>();
            dsl.select(owner, name, DSL.count()).from(range).groupBy(owner, name)
                    .forEach(row -> gaps.put(new Source(row.value1(), row.value2()), row.value3() - 1));
            return gaps;
        });
    }
}
