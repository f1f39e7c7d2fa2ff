package io.confcdr.query;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Reading single query-string parameters (already URL-decoded), the same way on every route. */
public final class Parameters {

    private Parameters() {
    }

    /** The parameter's single value, or null when it is absent or empty. */
    public static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty() || values.getFirst().isEmpty()) {
            return null;
        }
        return values.getFirst();
    }

    /**
     * A whole number from {@code min} to {@code max}, or {@code defaultValue} when absent.
     *
     * @throws QueryException naming the parameter when it is not such a number
     */
    public static int integer(Map<String, List<String>> params, String name, int defaultValue, int min, int max) {
        String value = single(params, name);
        if (value == null) {
            return defaultValue;
        }
        String range = name + " must be a whole number from " + min + (max == Integer.MAX_VALUE ? " up" : " to " + max);
        BigInteger number;
        try {
            number = new BigInteger(value.strip());
        } catch (NumberFormatException e) {
            throw new QueryException(name, range);
        }
        if (number.compareTo(BigInteger.valueOf(min)) < 0 || number.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new QueryException(name, range);
        }
        return number.intValueExact();
    }
}
