package io.confcdr.api;

import io.confcdr.admin.AdminResult;
import java.util.List;

/** Turns an admin use case's outcome into its value, or into the error the API answers for its refusal. */
final class Refusals {

    private Refusals() {
    }

    static <T> T valueOf(AdminResult<T> result) {
        return switch (result) {
            case AdminResult.Done<T> done -> done.value();
            case AdminResult.Invalid<T> invalid -> throw AdminRequests.invalid(invalid.field(), invalid.message());
            case AdminResult.NotFound<T> notFound -> throw AdminRequests.notFound(notFound.field());
            case AdminResult.Conflict<T> conflict -> throw AdminRequests.conflict(conflict.field(), conflict.message());
            case AdminResult.Forbidden<T> forbidden ->
                    throw new ApiError(403, "Forbidden", List.of(new ErrorBody.Detail(null, forbidden.message())));
        };
    }
}
