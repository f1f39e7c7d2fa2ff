package io.confcdr.faults;

import io.confcdr.auth.Scopes;
import io.confcdr.auth.TokenIssuer;
import io.confcdr.model.Partner;
import io.confcdr.store.Storage;
import java.time.Clock;
import java.util.Set;

/**
 * One partner and its tokens, written into the store by the test JVM before any child server opens it
 * (the child learns nothing but the store's location).
 */
record Tenant(String partnerSid, String ingestToken, String readToken, String manageToken) {

    static final String PARTNER = "c4a1f0e2-7b3d-4e59-a6c8-1d2e3f4a5b6c";

    /** Creates the partner and its tokens in {@code storage}, then closes it. */
    static Tenant seed(Storage storage) {
        Clock clock = Clock.systemUTC();
        try (storage) {
            storage.partners().create(new Partner(PARTNER, "Fault test", null, Partner.ACTIVE, clock.instant()));
            var issuer = new TokenIssuer(storage.tokens(), clock);
            return new Tenant(PARTNER,
                    issuer.issue(PARTNER, "ingest", Set.of(Scopes.CDR_INGEST), null).secret(),
                    issuer.issue(PARTNER, "read", Set.of(Scopes.APP_READ), null).secret(),
                    issuer.issue(PARTNER, "manage", Set.of(Scopes.APP_MANAGE), null).secret());
        }
    }
}
