package io.confcdr.export;

import io.confcdr.model.CdrField;
import io.confcdr.model.EncodedCdr;
import io.confcdr.model.EncodedCdrJson;
import io.confcdr.model.FieldSelection;
import java.io.OutputStream;
import java.util.EnumSet;
import java.util.List;

/** One record a line, exactly as the list route writes an item (keys alphabetical), each line ending in LF. */
final class NdjsonRecordWriter implements RecordWriter {

    private final EncodedCdrJson json;

    NdjsonRecordWriter(OutputStream out, List<CdrField> columns) {
        this.json = new EncodedCdrJson(out, new FieldSelection(columns.isEmpty() ? EnumSet.noneOf(CdrField.class) : EnumSet.copyOf(columns)));
    }

    @Override
    public void write(EncodedCdr cdr) {
        json.write(cdr);
        json.writeByte((byte) '\n');
    }

    @Override
    public void flush() {
        json.flush();
    }

    @Override
    public void finish() {
        json.flush();
    }
}
