package io.confcdr.auth;

import io.confcdr.model.ApiToken;

/** A freshly created token: the secret is shown once, here, and never again. */
public record IssuedToken(ApiToken token, String secret) {

    @Override
    public String toString() {
        return "IssuedToken[" + token.id() + "]";
    }
}
