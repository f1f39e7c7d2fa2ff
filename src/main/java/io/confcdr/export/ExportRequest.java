package io.confcdr.export;

import io.confcdr.model.CdrField;
import io.confcdr.query.CdrScan;
import java.time.ZoneId;
import java.util.List;

/**
 * A parsed export: which records ({@code scan}), which attributes in which column order, the format, and
 * the zone CSV writes dates in (null: UTC in the wire format, {@code ...mmmZ}).
 */
public record ExportRequest(CdrScan scan, List<CdrField> columns, ExportFormat format, ZoneId zone) {

    public ExportRequest {
        columns = List.copyOf(columns);
    }
}
