package eu.passerelle.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The reverse proxies whose {@code X-Forwarded-For} / {@code Forwarded} headers are believed
 * ({@code PASSERELLE_TRUSTED_PROXIES="10.0.0.5,192.168.0.0/16,::1"}). From any other peer those headers are
 * ignored, so a client cannot pick its own address and escape its rate limit by writing a header.
 */
public record TrustedProxies(List<Range> ranges) {
    public static final String ENV = "PASSERELLE_TRUSTED_PROXIES";
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    /** One address or CIDR block, as network-order bytes and a prefix length. */
    public record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    public TrustedProxies {
        ranges = List.copyOf(ranges);
    }

    /** Parses a comma-separated list of addresses and CIDR blocks; names are refused (no DNS at start). */
    public static TrustedProxies parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        List<Range> ranges = new ArrayList<>();
        for (String entry : spec.split(",")) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            int slash = e.indexOf('/');
            byte[] address = literal(slash < 0 ? e : e.substring(0, slash), e);
            int prefix = address.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(e.substring(slash + 1));
                } catch (NumberFormatException ex) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > address.length * 8) {
                    throw new ConfigException(ENV + ": '" + e + "' has a prefix length outside 0.." + address.length * 8);
                }
            }
            ranges.add(new Range(address, prefix));
        }
        return new TrustedProxies(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Whether a peer address (IPv4 or IPv6 literal, IPv6 possibly in brackets) is one of the trusted proxies. */
    public boolean trusts(String address) {
        if (ranges.isEmpty() || address == null) {
            return false;
        }
        byte[] bytes = bytesOf(address);
        return bytes != null && ranges.stream().anyMatch(r -> r.contains(bytes));
    }

    /** The bytes of an IP literal, IPv4-mapped IPv6 folded to IPv4; null when it is not an IP literal. */
    public static byte[] bytesOf(String address) {
        String a = address.strip();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        if (a.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            String[] parts = a.split("\\.");
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(parts[i]);
                if (octet > 255) {
                    return null;
                }
                b[i] = (byte) octet;
            }
            return b;
        }
        if (!a.contains(":") || !a.matches("[0-9A-Fa-f:.]+")) {
            return null; // never a DNS lookup: a header value is not a host name to resolve
        }
        try {
            // An IPv6 literal (it has a colon) is parsed, never looked up; IPv4-mapped ones come back as 4 bytes.
            return InetAddress.getByName(a).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] literal(String address, String entry) {
        byte[] b = bytesOf(address);
        if (b == null) {
            throw new ConfigException(ENV + ": '" + entry + "' is not an IP address or CIDR block (such as 10.0.0.0/8 or ::1)");
        }
        return b;
    }
}
