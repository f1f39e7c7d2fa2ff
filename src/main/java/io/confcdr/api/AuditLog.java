package io.confcdr.api;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INFO line per request on the logger {@code confcdr.audit}: token id (public, never the secret or
 * its hash; {@code -} when the request did not authenticate), method, route template (never the raw
 * path, which may carry filter values), status and duration. The same facts, with the request id and the
 * token's partner sid, are attached as key-value pairs, which the JSON log format writes as fields.
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
        String route = endpoint == null ? "UNMATCHED" : endpoint.path;
        long ms = Math.round(millis);
        String partnerSid = ctx.attribute(RequestAuth.PARTNER_SID);
        LOG.atInfo()
                .setMessage("token={} method={} route={} status={} ms={}")
                .addArgument(tokenId == null ? "-" : tokenId)
                .addArgument(ctx.method().name())
                .addArgument(route)
                .addArgument(ctx.statusCode())
                .addArgument(ms)
                .addKeyValue("request_id", RequestId.of(ctx))
                // "-" as in the message: a request that did not authenticate has no partner.
                .addKeyValue("partner_sid", partnerSid == null ? "-" : partnerSid)
                .addKeyValue("method", ctx.method().name())
                .addKeyValue("route", route)
                .addKeyValue("status", ctx.statusCode())
                .addKeyValue("duration_ms", ms)
                .log();
    }
}
