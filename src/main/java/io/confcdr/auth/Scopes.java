package io.confcdr.auth;

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

    private Scopes() {
    }
}
