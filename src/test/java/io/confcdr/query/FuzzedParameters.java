package io.confcdr.query;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Query parameters, already URL-decoded, from a fuzzer's bytes: UTF-8 text, one {@code name=value} per
 * line (a line without {@code =} is a name with an empty value). Readable, so seed inputs can be written by hand.
 */
final class FuzzedParameters {

    private FuzzedParameters() {
    }

    static Map<String, List<String>> of(byte[] input) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String line : new String(input, StandardCharsets.UTF_8).split("\n", -1)) {
            int equals = line.indexOf('=');
            String name = equals < 0 ? line : line.substring(0, equals);
            String value = equals < 0 ? "" : line.substring(equals + 1);
            params.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
        }
        return params;
    }
}
