package io.confcdr.admin;

import java.time.Instant;
import java.util.Set;

/** A token to issue: a label, the scopes it carries, and when it expires (null: never). */
public record NewToken(String name, Set<String> scopes, Instant expires) {

    public NewToken {
        scopes = scopes == null ? null : Set.copyOf(scopes);
    }
}
