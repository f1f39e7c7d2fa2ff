package io.confcdr.ingest;

/**
 * Reads the records of a batch one at a time, so that only one record's JSON tree exists at a time.
 * Implementations: {@link NdjsonReader} and {@link JsonArrayReader}.
 */
interface RecordReader {

    /**
     * @return the next record, or null at the end of the body
     * @throws MalformedBodyException when the body as a whole cannot be read
     */
    RawRecord next();
}
