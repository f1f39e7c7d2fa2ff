package io.confcdr.push;

import io.confcdr.admin.Change;

/** A partial update of a subscription: each setting kept or changed (filter and field lists may be cleared). */
public record SubscriptionPatch(Change<String> url, Change<String> filter, Change<String> includeFields,
        Change<String> excludeFields, Change<Integer> maxBatch, Change<String> status) {
}
