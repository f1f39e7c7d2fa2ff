package io.confcdr.export;

import java.util.Locale;
import java.util.Optional;

/** What an export is written as, and the media type it is served with. */
public enum ExportFormat {

    /** One JSON object a line, as the list route writes its items; the default. */
    NDJSON("application/x-ndjson"),
    /** RFC 4180: a header row of attribute names, CRLF line ends. */
    CSV("text/csv");

    private final String mediaType;

    ExportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The {@code format=} parameter's spelling: {@code ndjson} or {@code csv}. */
    public String parameterValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code ndjson} or {@code csv}, in any case. */
    public static Optional<ExportFormat> byName(String name) {
        for (ExportFormat format : values()) {
            if (format.parameterValue().equalsIgnoreCase(name.strip())) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** The format a media type names ({@code application/ndjson} too), if any. */
    static Optional<ExportFormat> byMediaType(String mediaType) {
        return switch (mediaType) {
            case "application/x-ndjson", "application/ndjson" -> Optional.of(NDJSON);
            case "text/csv" -> Optional.of(CSV);
            default -> Optional.empty();
        };
    }
}
