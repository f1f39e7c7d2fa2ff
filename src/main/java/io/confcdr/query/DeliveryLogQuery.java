package io.confcdr.query;

import java.util.List;

/**
 * A validated listing of a subscription's delivery log, free of HTTP: which attempts ({@code filter}),
 * their order, and the page window by offset or by a keyset cursor ({@code after}/{@code before}, each a
 * {@link DeliveryCursor}).
 */
public record DeliveryLogQuery(List<Term<DeliveryField>> filter, DeliveryField orderKey, boolean descending, int limit,
        int offset, DeliveryCursor after, DeliveryCursor before) {

    public DeliveryLogQuery {
        filter = List.copyOf(filter);
    }
}
