package io.confcdr.store;

import io.confcdr.model.Cdr;
import java.util.List;

/**
 * One page of a listing, in the requested order. {@code hasNext}: matching records follow the last
 * item; {@code hasPrevious}: matching records precede the first item. {@code total} is null unless the
 * query asked for it.
 */
public record Page(List<Cdr> items, boolean hasNext, boolean hasPrevious, Long total) {

    public Page {
        items = List.copyOf(items);
    }
}
