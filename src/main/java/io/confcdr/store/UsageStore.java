package io.confcdr.store;

import io.confcdr.model.Cdr;
import io.confcdr.model.CdrField;
import io.confcdr.query.Filter;
import io.confcdr.query.Visibility;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The usage aggregates a store keeps beside its records (SQL stores: table {@code cdr_usage}, written in
 * the transaction of every insert and deletion of records), and the narrow read of legs that the measures
 * no aggregate can hold (distinct meetings, peak concurrency) need.
 */
public interface UsageStore {

    /** A store that keeps no aggregates (memory): every report scans. */
    UsageStore NONE = new UsageStore() {
        @Override
        public boolean keepsAggregates() {
            return false;
        }

        @Override
        public Optional<Instant> earliestStart() {
            return Optional.empty();
        }

        @Override
        public void read(Filter filter, Visibility visibility, Consumer<UsageCell> cells, Set<CdrField> spanFields,
                Consumer<Cdr> spans) {
            throw new UnsupportedOperationException("this store keeps no usage aggregates");
        }

        @Override
        public int compact(int maxUnits) {
            return 0;
        }
    };

    boolean keepsAggregates();

    /** The earliest date_start of any record (or a bound before it), empty when there are none. */
    Optional<Instant> earliestStart();

    /**
     * Hands over, from one snapshot of the store, the non-empty cells of the visible legs matching
     * {@code filter} (one per cell key), then, unless {@code spans} is null, the same legs each with only
     * partner_sid, meeting_sid, date_start, date_stop and those of {@code spanFields} among the kept
     * dimensions set (the report's group keys: the fewer columns, the faster the read): what distinct
     * meetings and peak concurrency are computed from. Only for filters on the kept fields ({@code partner_sid},
     * {@code direction}, {@code role}, {@code disconnect_cause}, {@code custom_call_type}, and
     * {@code date_start ge|lt} a slot boundary): the planner's business.
     */
    void read(Filter filter, Visibility visibility, Consumer<UsageCell> cells, Set<CdrField> spanFields,
            Consumer<Cdr> spans);

    /**
     * Merges the aggregate rows written since the last merge, for up to {@code maxUnits} partners and slots,
     * into one row per cell; every sum stays as it was, and a reader sees the rows before or after, never
     * between. Returns how many units were merged: 0 when none was left.
     */
    int compact(int maxUnits);
}
