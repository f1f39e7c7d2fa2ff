package io.confcdr.query;

import io.confcdr.model.FieldType;
import java.util.Optional;

/**
 * The attributes a collection may be filtered on, for {@link FilterParser}: CDRs, and the collections
 * that speak the same filter language over their own attributes (the delivery log).
 */
public interface FilterAttributes<A> {

    Optional<A> byWireName(String name);

    FieldType type(A attribute);

    String wireName(A attribute);
}
