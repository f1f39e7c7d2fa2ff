package io.confcdr.query;

import java.util.List;

/**
 * One parsed condition over any collection's attributes, typed as {@link Condition} is (text,
 * {@code java.time.Instant}, {@code java.math.BigDecimal}); a CDR filter turns each into a {@link Condition}.
 */
public sealed interface Term<A> {

    A attribute();

    record Compare<A>(A attribute, Comparison op, Object value) implements Term<A> {
    }

    record IsNull<A>(A attribute, boolean negated) implements Term<A> {
    }

    record In<A>(A attribute, boolean negated, List<Object> values) implements Term<A> {
        public In {
            values = List.copyOf(values);
        }
    }

    record Like<A>(A attribute, String pattern, boolean caseInsensitive, boolean negated) implements Term<A> {
    }
}
