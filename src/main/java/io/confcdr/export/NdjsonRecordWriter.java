package io.confcdr.export;

import io.confcdr.model.CdrField;
import io.confcdr.model.CdrJson;
import io.confcdr.model.EncodedCdr;
import io.confcdr.model.FieldSelection;
import java.io.OutputStream;
import java.util.EnumSet;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/** One record a line, exactly as the list route writes an item (keys alphabetical), each line ending in LF. */
final class NdjsonRecordWriter implements RecordWriter {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .rootValueSeparator("")
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final JsonGenerator generator;
    private final FieldSelection fields;

    NdjsonRecordWriter(OutputStream out, List<CdrField> columns) {
        this.generator = FACTORY.createGenerator(ObjectWriteContext.empty(), out);
        this.fields = new FieldSelection(columns.isEmpty() ? EnumSet.noneOf(CdrField.class) : EnumSet.copyOf(columns));
    }

    @Override
    public void write(EncodedCdr cdr) {
        CdrJson.write(generator, cdr, fields);
        generator.writeRaw('\n');
    }

    @Override
    public void flush() {
        generator.flush();
    }

    @Override
    public void finish() {
        generator.close();
    }
}
