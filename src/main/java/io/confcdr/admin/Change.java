package io.confcdr.admin;

/** One attribute of a partial update: left as it is, or set to a value (which may be null, to clear it). */
public record Change<T>(boolean given, T value) {

    private static final Change<?> KEEP = new Change<>(false, null);

    @SuppressWarnings("unchecked")
    public static <T> Change<T> keep() {
        return (Change<T>) KEEP;
    }

    public static <T> Change<T> to(T value) {
        return new Change<>(true, value);
    }

    T orElse(T current) {
        return given ? value : current;
    }
}
