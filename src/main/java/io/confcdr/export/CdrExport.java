package io.confcdr.export;

import io.confcdr.model.EncodedCdr;
import io.confcdr.read.CdrReads;
import java.io.OutputStream;
import java.util.function.LongConsumer;

/**
 * Exporting: every record a reader may see that the request selects, written in the request's format as
 * the store reads it. The target is opened only when the first byte is due (the first record, or the end
 * of an empty export), so anything refused before that (an unknown cursor, a database that is down) can
 * still be answered as a plain error. Written output is flushed every {@link #FLUSH_EVERY} records so the
 * reader of the other end sees progress and nothing accumulates.
 */
public final class CdrExport {

    static final int FLUSH_EVERY = 1000;

    /** Where the export goes, opened at its first byte. */
    @FunctionalInterface
    public interface Target {
        OutputStream open();
    }

    private CdrExport() {
    }

    /**
     * Writes the export; returns how many records were written.
     *
     * @param progress told the running count after every flush
     * @throws io.confcdr.store.UnknownCursorException when {@code after} names no record the reader can see
     */
    public static long run(CdrReads.Reader reader, ExportRequest request, Target target, LongConsumer progress) {
        var writing = new Writing(request, target, progress);
        reader.scanEncoded(request.scan(), writing::write);
        writing.finish();
        return writing.count;
    }

    private static final class Writing {
        private final ExportRequest request;
        private final Target target;
        private final LongConsumer progress;
        private RecordWriter writer;
        private long count;

        Writing(ExportRequest request, Target target, LongConsumer progress) {
            this.request = request;
            this.target = target;
            this.progress = progress;
        }

        void write(EncodedCdr cdr) {
            writer().write(cdr);
            if (++count % FLUSH_EVERY == 0) {
                writer.flush();
                progress.accept(count);
            }
        }

        void finish() {
            writer().finish();
            progress.accept(count);
        }

        private RecordWriter writer() {
            if (writer == null) {
                writer = RecordWriter.open(request, target.open());
            }
            return writer;
        }
    }
}
