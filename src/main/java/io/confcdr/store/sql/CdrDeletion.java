package io.confcdr.store.sql;

import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * The one way records leave {@code cdr}: erasure, and retention, delete through here so that the usage
 * aggregates lose exactly what the table loses, in the same transaction. Callers hold the CDR writers'
 * serialisation ({@link Dialect#serialiseCdrInsert}) so no insert interleaves between the two statements.
 */
final class CdrDeletion {

    private final CdrTable cdr;
    private final UsageAggregates aggregates;
    private final SummaryMarks summaryMarks;

    CdrDeletion(CdrTable cdr, UsageAggregates aggregates, SummaryMarks summaryMarks) {
        this.cdr = cdr;
        this.aggregates = aggregates;
        this.summaryMarks = summaryMarks;
    }

    /**
     * Deletes the records matching {@code matching} (a condition on {@code cdr} columns) inside {@code tx}
     * and subtracts them from the aggregates, marking the summaries they change.
     *
     * @return how many records were deleted
     */
    int delete(DSLContext tx, Condition matching) {
        aggregates.subtract(tx, matching);
        summaryMarks.deleting(tx, matching);
        return tx.deleteFrom(cdr.table()).where(matching).execute();
    }
}
