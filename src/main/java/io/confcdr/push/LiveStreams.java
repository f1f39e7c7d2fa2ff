package io.confcdr.push;

import io.confcdr.auth.Caller;
import io.confcdr.ingest.IngestListener;
import io.confcdr.query.Cursor;
import io.confcdr.query.Filter;
import io.confcdr.read.CdrReads;
import io.confcdr.store.CdrStore;
import io.confcdr.store.UnknownCursorException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live stream use case: a reader's visible records matching a filter, in insertion order, from a
 * position on. A stream is a keyset read over the store, not a fan-out of records held in memory: each
 * stream keeps only its position (the last record it handed out) and reads the next page after it, so a
 * resumed stream continues exactly where the old one stopped and records stored by other processes are
 * seen too. Insertion order is commit order in every store (writers are serialised), so a record
 * committed later always sorts after a position already read and a keyset read never skips it.
 */
public final class LiveStreams {

    private final CdrReads reads;
    private final CdrStore cdrs;
    private final StreamSettings settings;
    private final NewRecordsSignal signal = new NewRecordsSignal();
    private final AtomicInteger open = new AtomicInteger();

    public LiveStreams(CdrReads reads, CdrStore cdrs, StreamSettings settings) {
        this.reads = reads;
        this.cdrs = cdrs;
        this.settings = settings;
    }

    /** To be added to the ingestor: wakes this process's waiting streams when a batch is committed. */
    public IngestListener wakeUp() {
        return signal;
    }

    public StreamSettings settings() {
        return settings;
    }

    /** Streams open right now in this process (a gauge: a client that left must not be counted). */
    public int openStreams() {
        return open.get();
    }

    /**
     * What {@code caller} may stream, decided before its parameters are looked at.
     *
     * @throws io.confcdr.auth.ForbiddenException without {@code app.read} or {@code app.manage}
     */
    public CdrReads.Reader readerFor(Caller caller) {
        return reads.readerFor(caller);
    }

    /**
     * A stream positioned after {@code resumeAfter}, or, when it is null, after the newest record the reader
     * can see now: it then sends only records stored from this moment on.
     *
     * @throws UnknownCursorException when {@code resumeAfter} names no record the reader can see
     */
    public LiveStream open(CdrReads.Reader reader, Filter filter, String resumeAfter) {
        String position;
        if (resumeAfter == null) {
            position = cdrs.lastInserted(reader.visibility()).orElse(null);
        } else if (reader.find(resumeAfter).isPresent()) {
            position = resumeAfter;
        } else {
            throw new UnknownCursorException(Cursor.after(resumeAfter));
        }
        open.incrementAndGet();
        return new LiveStream(reader, filter, position, signal, settings, open::decrementAndGet);
    }
}
