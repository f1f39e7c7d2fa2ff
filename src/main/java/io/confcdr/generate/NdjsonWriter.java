package io.confcdr.generate;

import io.confcdr.model.Cdr;
import io.confcdr.model.CdrField;
import io.confcdr.model.CdrJson;
import io.confcdr.model.FieldSelection;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes records as ingest NDJSON: one {@link CdrJson} object per line, every attribute except
 * {@code date_insert} (which ingest rejects: the store sets it). One generator over a buffered stream
 * is reused for all records. Closing flushes but does not close the target stream.
 */
public final class NdjsonWriter implements AutoCloseable {

    /** Every attribute a sender supplies: all but those confcdr sets. */
    public static final FieldSelection INGEST_FIELDS = new FieldSelection(Stream.of(CdrField.values())
            .filter(field -> !field.isSetByConfcdr())
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(CdrField.class))));

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .rootValueSeparator("\n")
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final OutputStream target;
    private final JsonGenerator generator;
    private long written;

    public NdjsonWriter(OutputStream target) {
        this.target = target instanceof BufferedOutputStream ? target : new BufferedOutputStream(target, 64 * 1024);
        this.generator = FACTORY.createGenerator(ObjectWriteContext.empty(), this.target);
    }

    public void write(Cdr cdr) {
        CdrJson.write(generator, cdr, INGEST_FIELDS);
        written++;
    }

    /** Writes every remaining record; returns how many. */
    public long writeAll(Iterator<Cdr> records) {
        long before = written;
        while (records.hasNext()) {
            write(records.next());
        }
        return written - before;
    }

    public long written() {
        return written;
    }

    /** Ends the last line and flushes, leaving the target open. */
    @Override
    public void close() {
        if (written > 0) {
            generator.writeRaw('\n');
        }
        generator.close();
        try {
            target.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
