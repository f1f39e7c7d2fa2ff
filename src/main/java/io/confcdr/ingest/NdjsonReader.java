package io.confcdr.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;

/**
 * {@code application/x-ndjson}: one record per line, blank lines ignored. A line that is not JSON is one
 * malformed record; the following lines are still read. Bytes that are not UTF-8 spoil the whole body.
 */
final class NdjsonReader implements RecordReader {

    private final BufferedReader lines;
    private int index;

    NdjsonReader(InputStream body) {
        var strictUtf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.lines = new BufferedReader(new InputStreamReader(body, strictUtf8));
    }

    @Override
    public RawRecord next() {
        String line = readNonBlankLine();
        if (line == null) {
            return null;
        }
        int at = index++;
        try {
            return new RawRecord.Parsed(at, IngestJson.MAPPER.readTree(line));
        } catch (JacksonException e) {
            return new RawRecord.Malformed(at, IngestJson.describe(e, false));
        } catch (NumberFormatException e) {
            return new RawRecord.Malformed(at, IngestJson.NUMBER_OUT_OF_RANGE);
        }
    }

    private String readNonBlankLine() {
        try {
            String line;
            do {
                line = lines.readLine();
            } while (line != null && line.isBlank());
            return line;
        } catch (CharacterCodingException e) {
            throw new MalformedBodyException("the body is not valid UTF-8");
        } catch (IOException e) {
            // A truncated upload or corrupt compression: the client's body, not our failure.
            throw new MalformedBodyException("the body could not be read to its end");
        }
    }
}
