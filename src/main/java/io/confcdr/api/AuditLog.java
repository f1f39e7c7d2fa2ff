package io.confcdr.api;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INFO line per request on the logger {@code confcdr.audit}: token id (public, never the secret or
 * its hash; {@code -} when the request did not authenticate), method, route template (never the raw
 * path, which may carry filter values), status and duration.
 */
final class AuditLog {

    static final String LOGGER = "confcdr.audit";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private AuditLog() {
    }

    static void record(Context ctx, float millis) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        String tokenId = ctx.attribute(RequestAuth.TOKEN_ID);
        LOG.info("token={} method={} route={} status={} ms={}", tokenId == null ? "-" : tokenId, ctx.method().name(),
                endpoint == null ? "UNMATCHED" : endpoint.path, ctx.statusCode(), Math.round(millis));
    }
}
