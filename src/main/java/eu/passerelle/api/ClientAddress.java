package eu.passerelle.api;

import eu.passerelle.config.TrustedProxies;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The address a request comes from, for the rate limiter. The socket's peer, unless that peer is a trusted
 * proxy: then the forwarding chain ({@code Forwarded}, else {@code X-Forwarded-For}) is read from the right,
 * skipping trusted proxies, and the first address that is not one of them is the client. Entries a client
 * wrote itself sit to the left of what its proxy appended, so they are never reached.
 */
final class ClientAddress {
    private final TrustedProxies trusted;

    ClientAddress(TrustedProxies trusted) {
        this.trusted = trusted;
    }

    String of(String peer, String forwarded, String xForwardedFor) {
        if (!trusted.trusts(peer)) {
            return peer;
        }
        List<String> chain = forwarded != null && !forwarded.isBlank() ? forwardedFor(forwarded) : split(xForwardedFor);
        String client = peer;
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = chain.get(i);
            if (TrustedProxies.bytesOf(hop) == null) {
                // "unknown", an obfuscated name or garbage: the chain cannot be followed past it.
                return client;
            }
            client = hop;
            if (!trusted.trusts(hop)) {
                return hop;
            }
        }
        return client;
    }

    private static List<String> split(String header) {
        List<String> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        for (String part : header.split(",")) {
            if (!part.isBlank()) {
                out.add(stripPort(part.strip()));
            }
        }
        return out;
    }

    /** The {@code for=} value of each element of an RFC 7239 {@code Forwarded} header. */
    private static List<String> forwardedFor(String header) {
        List<String> out = new ArrayList<>();
        for (String element : header.split(",")) {
            String value = "unknown";
            for (String pair : element.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("for")) {
                    value = stripPort(pair.substring(eq + 1).strip().replace("\"", ""));
                }
            }
            out.add(value);
        }
        return out;
    }

    /** "192.0.2.1:4711" → "192.0.2.1", "[2001:db8::1]:4711" → "2001:db8::1"; a bare IPv6 stays whole. */
    private static String stripPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end > 0 ? hop.substring(1, end) : hop;
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }
}
