package io.confcdr.push;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

/**
 * Which URLs a subscription may post to: absolute http(s) with a host. Unless private addresses are allowed,
 * a host resolving to a loopback, link-local, site-local (private), unspecified or multicast address is
 * refused, so a tenant cannot make confcdr post into the network it runs in.
 */
final class WebhookUrls {

    private WebhookUrls() {
    }

    /** Why the URL is refused, or null when it is acceptable. */
    static String problem(String url, boolean allowPrivate) {
        if (url == null || url.isBlank()) {
            return "must be an absolute http or https URL";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "must be an absolute http or https URL";
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getHost() == null || uri.getRawUserInfo() != null || url.length() > 2048) {
            return "must be an absolute http or https URL without user information, at most 2048 characters";
        }
        if (allowPrivate) {
            return null;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return "names a host that cannot be resolved";
        }
        for (InetAddress address : addresses) {
            if (isPrivate(address)) {
                return "resolves to a loopback, link-local or private address, which this server does not post to";
            }
        }
        return null;
    }

    static boolean isPrivate(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean uniqueLocalV6 = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
        boolean carrierGradeNat = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        return address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocalV6 || carrierGradeNat;
    }
}
