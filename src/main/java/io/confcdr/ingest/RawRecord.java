package io.confcdr.ingest;

import tools.jackson.databind.JsonNode;

/** One record of a batch as read from the body, before validation: parsed JSON, or why it is not JSON. */
sealed interface RawRecord {

    int index();

    record Parsed(int index, JsonNode json) implements RawRecord {
    }

    record Malformed(int index, String message) implements RawRecord {
    }
}
