package io.confcdr.lifecycle;

/**
 * An erasure as asked for, still unchecked text (from a JSON body or a command line): the number, the
 * mode ({@code delete} or {@code redact}) and optional ISO-8601 bounds on date_start. {@link Erasures}
 * checks it, so every adapter refuses the same things with the same messages.
 */
public record ErasureRequest(String number, String mode, String dateFrom, String dateTo) {
}
