package io.confcdr.model;

import java.time.Instant;

/** A tenant. Partners form a tree through {@code parentSid} (null for a root). */
public record Partner(String sid, String name, String parentSid, String status, Instant dateCreated) {

    public static final String ACTIVE = "active";
}
