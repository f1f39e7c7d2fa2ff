package io.confcdr.api;

import io.javalin.http.Context;
import java.util.regex.Pattern;

/**
 * The scheme, host and port a client used to reach the server, for absolute links: the configured public
 * URL when there is one (behind a proxy), else the request's own scheme and {@code Host} header.
 * {@code X-Forwarded-*} headers are not trusted: anyone can send them.
 */
final class BaseUrl {

    /** A host name, IPv4 or bracketed IPv6 address, with an optional port: nothing that could inject a URL. */
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?");

    private final String configured;

    BaseUrl(String publicUrl) {
        this.configured = publicUrl == null || publicUrl.isBlank() ? null : stripTrailingSlash(publicUrl.strip());
    }

    String of(Context ctx) {
        if (configured != null) {
            return configured;
        }
        String host = ctx.header("Host");
        if (host == null || !HOST.matcher(host).matches()) {
            host = ctx.req().getServerName() + ":" + ctx.req().getServerPort();
        }
        return ctx.scheme() + "://" + host;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
