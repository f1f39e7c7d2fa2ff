package io.confcdr.query;

/**
 * One entry of a delivery log, named in {@code after}/{@code before}: {@code <delivery_sid>:<attempt>}
 * (as the pagination links write it), or a bare {@code <delivery_sid>} for that delivery's latest attempt
 * ({@code attempt} null).
 */
public record DeliveryCursor(String parameter, String deliverySid, Integer attempt) {

    /** @return null when {@code value} is null */
    static DeliveryCursor parse(String parameter, String value) {
        if (value == null) {
            return null;
        }
        int colon = value.lastIndexOf(':');
        if (colon < 0) {
            return new DeliveryCursor(parameter, value, null);
        }
        String attempt = value.substring(colon + 1);
        if (colon == 0 || attempt.isEmpty() || attempt.length() > 9 || !attempt.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new QueryException(parameter, parameter + " must be a delivery_sid, or a delivery_sid, ':' and an attempt number");
        }
        return new DeliveryCursor(parameter, value.substring(0, colon), Integer.parseInt(attempt));
    }

    /** How a link names an entry. */
    public static String of(String deliverySid, int attempt) {
        return deliverySid + ":" + attempt;
    }
}
