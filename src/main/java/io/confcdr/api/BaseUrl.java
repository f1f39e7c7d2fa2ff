package io.confcdr.api;

import io.confcdr.config.Cidr;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The scheme, host and port a client used to reach the server, for absolute links: the configured public
 * URL when there is one; else, when the direct peer is a trusted proxy, what that proxy forwarded
 * ({@code Forwarded: proto=…;host=…} of RFC 7239, or {@code X-Forwarded-Proto/Host/Port}); else the
 * request's own scheme and {@code Host} header. Forwarded headers from any other peer are ignored: anyone
 * can send them. Of a list of forwarded values the last is taken, the one the trusted proxy added itself.
 */
final class BaseUrl {

    /** A host name, IPv4 or bracketed IPv6 address, with an optional port: nothing that could inject a URL. */
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final Pattern ADDRESS_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private final String configured;
    private final List<Cidr> trustedProxies;

    BaseUrl(String publicUrl, List<Cidr> trustedProxies) {
        this.configured = publicUrl == null || publicUrl.isBlank() ? null : stripTrailingSlash(publicUrl.strip());
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    String of(Context ctx) {
        if (configured != null) {
            return configured;
        }
        String scheme = ctx.scheme();
        String host = ctx.header("Host");
        if (fromTrustedProxy(ctx.req().getRemoteAddr())) {
            Forwarded forwarded = Forwarded.of(ctx);
            if (forwarded.proto() != null) {
                scheme = forwarded.proto();
            }
            if (forwarded.host() != null) {
                host = forwarded.host();
            }
        }
        if (host == null || !HOST.matcher(host).matches()) {
            host = ctx.req().getServerName() + ":" + ctx.req().getServerPort();
        }
        return scheme + "://" + host;
    }

    private boolean fromTrustedProxy(String remoteAddress) {
        if (trustedProxies.isEmpty() || remoteAddress == null || !ADDRESS_LITERAL.matcher(remoteAddress).matches()) {
            return false;
        }
        try {
            InetAddress peer = InetAddress.getByName(remoteAddress);
            return trustedProxies.stream().anyMatch(block -> block.contains(peer));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** What the trusted proxy says the client asked for; a field it did not send, or sent malformed, is null. */
    private record Forwarded(String proto, String host) {

        static Forwarded of(Context ctx) {
            String standard = ctx.header("Forwarded");
            if (standard != null && !standard.isBlank()) {
                String element = last(standard);
                String proto = null;
                String host = null;
                for (String pair : element.split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq < 0) {
                        continue;
                    }
                    String name = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                    String value = unquote(pair.substring(eq + 1).strip());
                    if (name.equals("proto")) {
                        proto = value;
                    } else if (name.equals("host")) {
                        host = value;
                    }
                }
                return checked(proto, host);
            }
            String proto = ctx.header("X-Forwarded-Proto");
            String host = ctx.header("X-Forwarded-Host");
            String port = ctx.header("X-Forwarded-Port");
            host = host == null ? null : last(host);
            if (host != null && port != null && !host.endsWith("]") && !host.contains(":")
                    && PORT.matcher(last(port)).matches()) {
                host = host + ":" + last(port);
            }
            return checked(proto == null ? null : last(proto), host);
        }

        private static Forwarded checked(String proto, String host) {
            String scheme = proto == null ? null : proto.toLowerCase(Locale.ROOT);
            boolean schemeOk = "http".equals(scheme) || "https".equals(scheme);
            boolean hostOk = host != null && HOST.matcher(host).matches();
            return new Forwarded(schemeOk ? scheme : null, hostOk ? host : null);
        }

        private static String last(String list) {
            String[] values = list.split(",");
            return values[values.length - 1].strip();
        }

        private static String unquote(String value) {
            return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                    ? value.substring(1, value.length() - 1) : value;
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
