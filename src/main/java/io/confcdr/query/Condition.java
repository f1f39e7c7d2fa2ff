package io.confcdr.query;

import io.confcdr.model.CdrField;
import java.util.List;

/**
 * One condition of a {@code filter=} expression, typed: values are already converted to the
 * attribute's model type ({@code String}, {@code java.time.Instant}, {@code java.math.BigDecimal} for
 * numbers: seconds for durations, the code for disconnect_cause). SQL semantics: a condition on a
 * null attribute is false, except {@link IsNull}.
 */
public sealed interface Condition {

    CdrField field();

    /** {@code eq ne gt ge lt le} against one non-null value. */
    record Compare(CdrField field, Comparison op, Object value) implements Condition {
    }

    /** {@code eq null} (negated = false) and {@code ne null} (negated = true). */
    record IsNull(CdrField field, boolean negated) implements Condition {
    }

    /** {@code in (…)} and {@code notin (…)}; values non-empty and typed like {@link Compare#value()}. */
    record In(CdrField field, boolean negated, List<Object> values) implements Condition {
        public In {
            values = List.copyOf(values);
        }
    }

    /**
     * {@code like notlike ilike notilike} on a text attribute. The pattern uses {@code %} (any run) and
     * {@code _} (one code point); there is no escape character, as in CarrierX.
     */
    record Like(CdrField field, String pattern, boolean caseInsensitive, boolean negated) implements Condition {
    }
}
