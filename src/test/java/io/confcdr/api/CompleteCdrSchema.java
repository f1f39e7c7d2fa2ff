package io.confcdr.api;

import io.confcdr.model.CdrField;
import java.util.EnumSet;
import java.util.stream.Collectors;

/**
 * A record with every attribute present, as the list and get routes write it without field selection: the
 * document's {@code Cdr} with all 27 attributes required. Built here, not published: no operation answers
 * with it (field selection may drop any attribute), and an unused component would be a lint warning.
 */
public final class CompleteCdrSchema {

    /** Where a test registers the schema text of {@link #referring(String)}. */
    public static final String URI = "https://confcdr.test/complete-cdr.json";

    private CompleteCdrSchema() {
    }

    /** The schema, referring to the {@code Cdr} of the OpenAPI document found at {@code documentUri}. */
    public static String referring(String documentUri) {
        String required = EnumSet.allOf(CdrField.class).stream()
                .map(field -> "\"" + field.wireName() + "\"")
                .collect(Collectors.joining(","));
        return "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"$ref\":\"" + documentUri
                + "#/components/schemas/Cdr\",\"required\":[" + required + "]}";
    }
}
