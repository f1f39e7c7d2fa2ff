package io.confcdr.admin;

import io.confcdr.model.Partner;
import io.confcdr.model.Sids;
import io.confcdr.model.StorableText;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a partner may look like, whoever creates or changes it (the API, the CLI, an import). Each check
 * answers why a value is refused, as the end of a sentence naming it, or null when it is acceptable.
 */
public final class PartnerRules {

    static final Set<String> STATUSES = Set.of(Partner.ACTIVE, Partner.SUSPENDED);
    static final int MAX_CALLBACKS = 32;
    static final int MAX_CALLBACK_URL = 2048;
    static final int MAX_CALLBACK_NAME = 256;
    private static final String CALLBACK_SHAPE = "every callback must be a URL string of at most " + MAX_CALLBACK_URL + " characters";

    private PartnerRules() {
    }

    /** A partner_sid must be one that ingested records can name (see {@link Sids}). */
    public static String sidProblem(String sid) {
        return Sids.problem(sid);
    }

    /** A non-blank name of at most {@link Partner#MAX_NAME_LENGTH} characters that can be stored. */
    public static String nameProblem(String name) {
        if (name == null || name.isBlank() || name.length() > Partner.MAX_NAME_LENGTH) {
            return "must be a non-empty name of at most " + Partner.MAX_NAME_LENGTH + " characters";
        }
        return StorableText.problem(name);
    }

    /** Long enough for any legal hold a contract may name; a larger number is a mistake, not a policy. */
    public static final int MAX_RETENTION_DAYS = 36_500;

    /** A retention is a whole number of days from 1 to {@link #MAX_RETENTION_DAYS}; null (inherit) is fine. */
    public static String retentionProblem(Integer days) {
        return days == null || (days >= 1 && days <= MAX_RETENTION_DAYS) ? null
                : "must be an integer from 1 to " + MAX_RETENTION_DAYS + " or null";
    }

    static String statusProblem(String status) {
        return STATUSES.contains(status) ? null : "must be one of active, suspended";
    }

    /**
     * At most {@link #MAX_CALLBACKS} named URLs, each absolute http or https with a host: anything else
     * (ftp:, javascript:, a relative path) is refused now rather than found unusable when it is called.
     */
    static String callbacksProblem(Map<String, String> callbacks) {
        if (callbacks.size() > MAX_CALLBACKS) {
            return "must be an object of at most " + MAX_CALLBACKS + " callback URLs";
        }
        for (Map.Entry<String, String> callback : callbacks.entrySet()) {
            String url = callback.getValue();
            if (url.length() > MAX_CALLBACK_URL || callback.getKey().length() > MAX_CALLBACK_NAME) {
                return CALLBACK_SHAPE;
            }
            String problem = StorableText.problem(callback.getKey());
            problem = problem != null ? problem : StorableText.problem(url);
            if (problem != null) {
                return problem;
            }
            if (!isHttpUrl(url)) {
                return "every callback must be an absolute http or https URL";
            }
        }
        return null;
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
