package com.virtualoffice.registration.application.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where webhooks may go: {@code https} to public addresses only, checked after the name is resolved, at
 * registration and again before every send. The send connects to the very address checked here, so a name that
 * answers differently the second time (DNS rebinding) cannot steer it elsewhere. With {@code allowLoopback}
 * (tests, local development) this machine's loopback is allowed too, over http or https; private networks never.
 */
public final class WebhookDestinationPolicy {

    private static final String HTTPS = "https";
    private static final String HTTP = "http";

    /** Where to connect for a URL: its host (for the Host header, SNI and the certificate) and the checked address. */
    public record Destination(URI url, String host, int port, InetAddress address) {
    }

    private final HostResolver resolver;
    private final boolean allowLoopback;

    public WebhookDestinationPolicy(HostResolver resolver, boolean allowLoopback) {
        this.resolver = resolver;
        this.allowLoopback = allowLoopback;
    }

    /** The destination of the URL, or empty when webhooks may not go there (or its host does not resolve). */
    public Optional<Destination> check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException notAUrl) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!(scheme.equals(HTTPS) || scheme.equals(HTTP)) || host == null || uri.getUserInfo() != null) {
            return Optional.empty();
        }
        List<InetAddress> addresses;
        try {
            addresses = addressesOf(host);
        } catch (UnknownHostException unresolvable) {
            return Optional.empty();
        }
        // Every address the name has must be allowed: a client may pick any of them.
        if (addresses.isEmpty() || !addresses.stream().allMatch(address -> allowed(scheme, address))) {
            return Optional.empty();
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals(HTTPS) ? 443 : 80;
        return Optional.of(new Destination(uri, bare(host), port, addresses.getFirst()));
    }

    private boolean allowed(String scheme, InetAddress address) {
        if (allowLoopback && address.isLoopbackAddress()) {
            return true;
        }
        return scheme.equals(HTTPS) && PublicAddress.isPublic(address);
    }

    /** A literal address as such (IPv4 in every inet_aton spelling, IPv6 in brackets), anything else resolved. */
    private List<InetAddress> addressesOf(String host) throws UnknownHostException {
        if (host.startsWith("[")) {
            // getByName reads an IPv6 literal without any lookup; a zone id (%eth0) is a link-local address anyway.
            return List.of(InetAddress.getByName(bare(host)));
        }
        Optional<InetAddress> ipv4 = PublicAddress.ipv4Literal(host);
        if (ipv4.isPresent()) {
            return List.of(ipv4.get());
        }
        return resolver.resolve(host);
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
