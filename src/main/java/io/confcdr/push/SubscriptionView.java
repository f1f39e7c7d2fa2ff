package io.confcdr.push;

import io.confcdr.store.Backlog;
import io.confcdr.store.Subscription;

/**
 * A subscription as its owner sees it: its settings, what it has not received yet, and the secret only in
 * the answer that created or rotated it ({@code secret} null otherwise).
 */
public record SubscriptionView(Subscription subscription, Backlog backlog, String secret) {
}
