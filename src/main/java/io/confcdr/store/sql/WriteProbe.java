package io.confcdr.store.sql;

import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database takes a write: creates a table in a transaction and rolls it back, so nothing stays
 * and no table the application uses is locked. DDL is transactional on both SQLite and PostgreSQL, and
 * creating a table must write the schema (SQLite's first page, PostgreSQL's catalog), so a read-only file,
 * directory or mount, or a read-only PostgreSQL (a standby, {@code default_transaction_read_only}) fails
 * it. A full disk is not always seen this way (a rolled-back write need not reach the disk); that shows up
 * as the failing write itself, a 503. The answer is kept for {@link #TTL_NANOS} so a load balancer polling
 * health does not queue behind ingest on SQLite's one writer.
 */
final class WriteProbe {

    static final long TTL_NANOS = 5_000_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(WriteProbe.class);

    private final SqlDatabase db;
    private final LongSupplier nanoTime;
    private volatile Answer last;

    private record Answer(long at, Optional<String> problem) {
    }

    /** Thrown to roll the probe's transaction back. */
    private static final class RollBack extends RuntimeException {
        RollBack() {
            super(null, null, false, false);
        }
    }

    WriteProbe(SqlDatabase db, LongSupplier nanoTime) {
        this.db = db;
        this.nanoTime = nanoTime;
    }

    Optional<String> problem() {
        Answer answer = last;
        long now = nanoTime.getAsLong();
        if (answer == null || now - answer.at() >= TTL_NANOS) {
            answer = new Answer(now, probe());
            last = answer;
        }
        return answer.problem();
    }

    private Optional<String> probe() {
        try {
            db.write(dsl -> {
                dsl.execute("create table confcdr_write_probe (x integer)");
                throw new RollBack();
            });
            return Optional.empty();
        } catch (RollBack rolledBack) {
            return Optional.empty();
        } catch (RuntimeException e) {
            String reason = reason(e);
            LOG.warn("the store cannot be written: {}", reason);
            return Optional.of(reason);
        }
    }

    /** The database's own words (e.g. "attempt to write a readonly database"), without SQL or class names. */
    private static String reason(Throwable failure) {
        String reason = null;
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.sql.SQLException && t.getMessage() != null) {
                reason = t.getMessage();
            }
        }
        if (reason == null) {
            return "the database refused a write";
        }
        // sqlite-jdbc: "[SQLITE_READONLY] Attempt to write a readonly database (attempt to write a readonly database)"
        int detail = reason.lastIndexOf(" (");
        if (reason.startsWith("[SQLITE_") && detail > 0 && reason.endsWith(")")) {
            reason = reason.substring(detail + 2, reason.length() - 1);
        }
        return reason.lines().findFirst().orElse(reason).strip();
    }
}
