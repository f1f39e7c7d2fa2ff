package io.confcdr.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Every request gets an id, returned in {@code X-Request-Id} and written in every log line about it (the
 * MDC key {@code request_id}), so a client's complaint can be found in the log. An id sent by the client or
 * a proxy is kept when it is short and plain, so one id follows the request through the proxy's log too.
 */
final class RequestId {

    static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = "confcdr.request_id";
    static final String MDC_KEY = "request_id";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestId() {
    }

    /** Registered before any other handler, so that redirects and refusals carry an id too. */
    static void register(RoutesConfig routes) {
        routes.before(ctx -> {
            String given = ctx.header(HEADER);
            String id = given != null && PLAIN.matcher(given).matches() ? given : UUID.randomUUID().toString();
            ctx.attribute(ATTRIBUTE, id);
            ctx.header(HEADER, id);
            MDC.put(MDC_KEY, id);
        });
    }

    static String of(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }

    /** After the request is logged: a virtual thread may be gone, a pooled one must not carry the id on. */
    static void clear() {
        MDC.remove(MDC_KEY);
    }
}
