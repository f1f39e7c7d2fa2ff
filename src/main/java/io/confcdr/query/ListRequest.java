package io.confcdr.query;

import io.confcdr.model.FieldSelection;

/** A parsed {@code GET /core/v2/app/conference/calls}: what to find and which attributes to return. */
public record ListRequest(CdrQuery query, FieldSelection fields) {
}
