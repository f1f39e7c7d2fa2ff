package io.confcdr.cli;

import io.confcdr.model.Partner;
import io.confcdr.model.Sids;

/** What the CLI accepts as a partner, as the API and ingest do: usage errors (exit 2) otherwise. */
final class PartnerRules {

    private PartnerRules() {
    }

    /** A partner_sid must be one that ingested records can name (see {@link Sids}). */
    static void checkSid(String what, String sid) {
        String problem = Sids.problem(sid);
        if (problem != null) {
            throw CliException.usage(what + " " + problem);
        }
    }

    /** As the API has it: a non-blank name of at most 256 characters. */
    static void checkName(String what, String name) {
        if (name.isBlank() || name.length() > Partner.MAX_NAME_LENGTH) {
            throw CliException.usage(what + " must be a non-empty name of at most " + Partner.MAX_NAME_LENGTH + " characters");
        }
    }
}
