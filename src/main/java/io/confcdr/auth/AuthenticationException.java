package io.confcdr.auth;

/** The request carries no usable credentials: a 401 whose message is {@code Unauthorized} or {@code Bad credentials}. */
public final class AuthenticationException extends RuntimeException {

    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String BAD_CREDENTIALS = "Bad credentials";

    private final String detail;

    AuthenticationException(String message, String detail) {
        super(message, null, false, false);
        this.detail = detail;
    }

    /** What the client should fix, safe to show: never the token. */
    public String detail() {
        return detail;
    }
}
