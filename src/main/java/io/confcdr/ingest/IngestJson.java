package io.confcdr.ingest;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON reading rules of ingest: duplicate keys are an error, decimals stay exact. */
final class IngestJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Longest parser message passed on: enough to say what was expected, never a page of input. */
    private static final int MAX_DETAIL = 160;

    private IngestJson() {
    }

    /** What went wrong and where, without the source description or more than a little of the input. */
    /**
     * Jackson refuses a number whose exponent is out of range with a NumberFormatException, which is not a
     * JacksonException; its message echoes the whole number, so it is never shown.
     */
    static final String NUMBER_OUT_OF_RANGE = "malformed JSON: a number is out of the range that can be read";

    static String describe(JacksonException e, boolean withLine) {
        String detail = e.getOriginalMessage() == null ? "invalid JSON" : e.getOriginalMessage();
        int newline = detail.indexOf('\n');
        if (newline >= 0) {
            detail = detail.substring(0, newline);
        }
        if (detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL) + "…";
        }
        TokenStreamLocation at = e.getLocation();
        if (at == null || at == TokenStreamLocation.NA) {
            return "malformed JSON: " + detail;
        }
        String where = withLine ? "line " + at.getLineNr() + ", column " + at.getColumnNr() : "column " + at.getColumnNr();
        return "malformed JSON at " + where + ": " + detail;
    }
}
