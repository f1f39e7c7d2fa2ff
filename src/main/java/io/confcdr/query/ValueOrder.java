package io.confcdr.query;

/**
 * How the filter language orders two values of one attribute in memory: text by code point ({@link TextOrder},
 * as the SQL stores order it), anything else by its natural order; nulls first where a null can take part.
 */
public final class ValueOrder {

    private ValueOrder() {
    }

    /** Two non-null values of the same type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int compare(Object a, Object b) {
        if (a instanceof String text) {
            return TextOrder.compare(text, (String) b);
        }
        return ((Comparable) a).compareTo(b);
    }

    /** As {@link #compare}, a null before every value. */
    public static int compareNullsFirst(Object a, Object b) {
        if (a == null || b == null) {
            return Boolean.compare(a != null, b != null);
        }
        return compare(a, b);
    }
}
