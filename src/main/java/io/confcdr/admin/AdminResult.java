package io.confcdr.admin;

/**
 * The outcome of an admin use case: its value, or the one reason it was refused. Adapters translate each
 * case (the API into 422, 404, 409 or 403; the CLI into a usage error) with an exhaustive switch.
 */
public sealed interface AdminResult<T> {

    static <T> AdminResult<T> done(T value) {
        return new Done<>(value);
    }

    record Done<T>(T value) implements AdminResult<T> {
    }

    /** Why a refused use case was refused. */
    sealed interface Refusal<T> extends AdminResult<T> {
        /** The attribute or parameter at fault, or null. */
        String field();

        String message();
    }

    /** The command is not acceptable: {@code field} is the attribute at fault. */
    record Invalid<T>(String field, String message) implements Refusal<T> {
    }

    /** The object does not exist or lies outside the caller's subtree (the two answer alike). */
    record NotFound<T>(String field) implements Refusal<T> {
        @Override
        public String message() {
            return "Cannot find item by SID";
        }
    }

    /** The object exists but its state forbids the change (it has children, records, …). */
    record Conflict<T>(String field, String message) implements Refusal<T> {
    }

    /** The caller may not do this with its token (grant a scope it does not hold, …). */
    record Forbidden<T>(String message) implements Refusal<T> {
        @Override
        public String field() {
            return null;
        }
    }
}
