package io.confcdr.ingest;

import java.io.InputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * {@code application/json}: one JSON array of records, read element by element. Once the array stops
 * being valid JSON there is no telling where the next record starts, so the whole body is refused.
 */
final class JsonArrayReader implements RecordReader {

    /** Reads one element; the array's remaining elements are not "trailing tokens". */
    private static final ObjectReader ELEMENT = IngestJson.MAPPER.readerFor(JsonNode.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final JsonParser parser;
    private boolean started;
    private boolean finished;
    private int index;

    JsonArrayReader(InputStream body) {
        try {
            // Creating the parser already reads the first bytes (to detect the encoding): corrupt gzip fails here.
            this.parser = IngestJson.MAPPER.createParser(body);
        } catch (JacksonException e) {
            throw new MalformedBodyException(IngestJson.describe(e, true));
        }
    }

    @Override
    public RawRecord next() {
        if (finished) {
            return null;
        }
        try {
            if (!started) {
                started = true;
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw new MalformedBodyException("the body must be a JSON array of records");
                }
            }
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                finished = true;
                if (parser.nextToken() != null) {
                    throw new MalformedBodyException("unexpected content after the JSON array");
                }
                return null;
            }
            JsonNode element = ELEMENT.readValue(parser);
            return new RawRecord.Parsed(index++, element);
        } catch (JacksonException e) {
            throw new MalformedBodyException(IngestJson.describe(e, true));
        } catch (NumberFormatException e) {
            throw new MalformedBodyException(IngestJson.NUMBER_OUT_OF_RANGE);
        }
    }
}
