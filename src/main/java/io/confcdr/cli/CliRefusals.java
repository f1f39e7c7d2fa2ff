package io.confcdr.cli;

import io.confcdr.admin.AdminResult;
import java.util.function.Function;

/** Turns an admin use case's outcome into its value, or into a usage error worded for the command line. */
final class CliRefusals {

    private CliRefusals() {
    }

    /** @param wording the line to print for a refusal (without the {@code confcdr:} prefix) */
    static <T> T valueOf(AdminResult<T> result, Function<AdminResult.Refusal<T>, String> wording) {
        return switch (result) {
            case AdminResult.Done<T> done -> done.value();
            case AdminResult.Refusal<T> refusal -> throw CliException.usage(wording.apply(refusal));
        };
    }
}
