package io.confcdr.auth;

/** The token is valid but lacks the scope an operation needs: a 403. */
public final class ForbiddenException extends RuntimeException {

    public ForbiddenException(String detail) {
        super(detail, null, false, false);
    }
}
