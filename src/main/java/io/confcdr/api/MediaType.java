package io.confcdr.api;

import java.util.Locale;

/** The media type of a {@code Content-Type} header, without parameters such as {@code charset}, lower-cased. */
final class MediaType {

    private MediaType() {
    }

    /** {@code "application/json; charset=utf-8"} gives {@code "application/json"}; null gives "". */
    static String of(String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }
}
