package io.confcdr.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * With TLS and a redirect port: a request that arrived over plain HTTP is answered 308 to the same path
 * on HTTPS (308 keeps the method and body, so a POST is not silently turned into a GET) and goes no further.
 */
final class HttpsRedirect {

    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?");

    private HttpsRedirect() {
    }

    /** @param httpsPort the HTTPS port, known once the server has started (it may have been 0, any free one) */
    static void register(RoutesConfig routes, IntSupplier httpsPort) {
        routes.before(ctx -> {
            if (!ctx.req().isSecure()) {
                ctx.header("Location", location(ctx, httpsPort.getAsInt()));
                ctx.status(HttpStatus.PERMANENT_REDIRECT);
                ctx.skipRemainingHandlers();
            }
        });
    }

    private static String location(Context ctx, int httpsPort) {
        String header = ctx.header("Host");
        Matcher host = header == null ? null : HOST.matcher(header);
        String name = host != null && host.matches() ? host.group(1) : ctx.req().getLocalName();
        String query = ctx.queryString();
        return "https://" + name + (httpsPort == 443 ? "" : ":" + httpsPort) + ctx.path()
                + (query == null ? "" : "?" + query);
    }
}
