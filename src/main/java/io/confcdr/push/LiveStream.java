package io.confcdr.push;

import io.confcdr.model.Cdr;
import io.confcdr.query.CdrQuery;
import io.confcdr.query.Cursor;
import io.confcdr.query.Filter;
import io.confcdr.query.Order;
import io.confcdr.read.CdrReads;
import java.time.Duration;
import java.util.List;

/**
 * One client's stream: its position and nothing else. Not thread-safe; one connection drives it.
 * It holds at most one page of records, the one {@link #next} returns, so a client that reads slowly
 * costs one page of memory, never a growing queue.
 */
public final class LiveStream implements AutoCloseable {

    private final CdrReads.Reader reader;
    private final Filter filter;
    private final NewRecordsSignal signal;
    private final StreamSettings settings;
    private final Runnable onClose;
    private String position;
    private boolean closed;

    LiveStream(CdrReads.Reader reader, Filter filter, String position, NewRecordsSignal signal,
            StreamSettings settings, Runnable onClose) {
        this.reader = reader;
        this.filter = filter;
        this.position = position;
        this.signal = signal;
        this.settings = settings;
        this.onClose = onClose;
    }

    /**
     * The next matching records after the position (at most a page), waiting up to {@code maxWait} for
     * some; empty when none arrived in time. The position moves past what is returned: the caller must
     * send them before asking again (a client resumes after the last one it received, so records returned
     * but never received are sent again on resume, never lost).
     *
     * @throws io.confcdr.store.UnknownCursorException when the position's record has since disappeared
     */
    public List<Cdr> next(Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            // Read the generation before the store: a batch committed after the read moves it on, so the
            // wait below cannot sleep through it.
            long seen = signal.generation();
            Cursor cursor = position == null ? null : Cursor.after(position);
            List<Cdr> items = reader.list(new CdrQuery(filter, Order.INSERTION, settings.pageSize(), 0, cursor, false)).items();
            if (!items.isEmpty()) {
                position = items.getLast().callSid();
                return items;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return List.of();
            }
            // The poll bounds the wait so that records other processes committed are found too.
            signal.awaitAfter(seen, Math.min(remaining, settings.poll().toNanos()));
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.run();
        }
    }
}
