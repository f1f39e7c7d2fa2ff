package io.confcdr.api;

import java.util.List;

/**
 * An error answered with a given status and CarrierX's error body: {@code message} is the short status
 * text, {@code errors} what exactly is wrong. Thrown by handlers; written by {@link ErrorHandling}.
 */
final class ApiError extends RuntimeException {

    static final String CANNOT_FIND_ITEM = "Cannot find item by SID";

    private final int status;
    private final List<ErrorBody.Detail> details;

    ApiError(int status, String message, List<ErrorBody.Detail> details) {
        super(message, null, false, false);
        this.status = status;
        this.details = List.copyOf(details);
    }

    /** The answer for a record that does not exist and for one the caller may not see: the same, always. */
    static ApiError recordNotFound() {
        return new ApiError(404, CANNOT_FIND_ITEM, List.of(new ErrorBody.Detail("call_sid", CANNOT_FIND_ITEM)));
    }

    /** @param header the request header at fault: {@code Content-Type} or {@code Content-Encoding} */
    static ApiError unsupportedMediaType(String header, String detail) {
        return new ApiError(415, "Unsupported media type", List.of(new ErrorBody.Detail(header, detail)));
    }

    int status() {
        return status;
    }

    List<ErrorBody.Detail> details() {
        return details;
    }
}
