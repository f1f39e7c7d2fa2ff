package io.confcdr.auth;

import java.util.Set;

/** The scopes a token can carry, named as CarrierX names partner scopes, plus confcdr's ingest scope. */
public final class Scopes {

    /** Read CDRs of the token's own partner. */
    public static final String APP_READ = "app.read";
    /** Manage apps; includes reading their CDRs. */
    public static final String APP_MANAGE = "app.manage";
    /** Widens reading to every descendant partner. */
    public static final String APP_READ_DESCENDANT = "app.read_descendant";
    /** Submit CDRs for the token's partner and its descendants. */
    public static final String CDR_INGEST = "cdr.ingest";
    /** Create, read, change and delete partners in the token's own subtree. */
    public static final String PARTNERS_MANAGE = "partners.manage";
    /** Create, list and revoke tokens for the token's partner and its subtree. */
    public static final String OAUTH_MANAGE = "oauth.manage";

    /** Every scope confcdr knows; a token may only be issued with these. */
    public static final Set<String> ALL =
            Set.of(APP_READ, APP_MANAGE, APP_READ_DESCENDANT, CDR_INGEST, PARTNERS_MANAGE, OAUTH_MANAGE);

    private Scopes() {
    }
}
