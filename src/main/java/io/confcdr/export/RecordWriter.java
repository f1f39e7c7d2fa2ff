package io.confcdr.export;

import io.confcdr.model.EncodedCdr;
import java.io.OutputStream;

/** Writes exported records in one format onto a stream it was opened on. */
interface RecordWriter {

    void write(EncodedCdr cdr);

    /** Pushes what is buffered on to the stream (and, for HTTP, to the client). */
    void flush();

    /** Writes what the format needs at its end and flushes; leaves the stream open. */
    void finish();

    static RecordWriter open(ExportRequest request, OutputStream out) {
        return switch (request.format()) {
            case NDJSON -> new NdjsonRecordWriter(out, request.columns());
            case CSV -> new CsvRecordWriter(out, request.columns(), request.zone());
        };
    }
}
