package io.confcdr.query;

import java.util.List;

/** A conjunction of conditions: what {@code filter=} means. Empty matches every record. */
public record Filter(List<Condition> conditions) {

    public static final Filter ALL = new Filter(List.of());

    public Filter {
        conditions = List.copyOf(conditions);
    }

    public Filter and(Condition condition) {
        var joined = new java.util.ArrayList<>(conditions);
        joined.add(condition);
        return new Filter(joined);
    }
}
