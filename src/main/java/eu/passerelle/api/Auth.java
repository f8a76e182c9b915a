package eu.passerelle.api;

import eu.passerelle.config.Role;
import io.javalin.http.Context;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** API keys from PASSERELLE_API_KEYS, checked in constant time: 401 without a valid key, 403 with the wrong role. */
final class Auth {
    private final Map<String, Role> keys;

    Auth(Map<String, Role> keys) {
        this.keys = keys;
    }

    /** The key in an Authorization header if it is a configured one, else null (for rate limiting). */
    String validKey(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        for (String k : keys.keySet()) {
            if (MessageDigest.isEqual(given, k.getBytes(StandardCharsets.UTF_8))) {
                return k;
            }
        }
        return null;
    }

    Role require(Context ctx, Role... allowed) {
        if (keys.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiProblem(401, "Unauthorized", "This service runs without API keys (PASSERELLE_API_KEYS): this endpoint is closed.", null);
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiProblem(401, "Unauthorized", "Send an API key as 'Authorization: Bearer <key>'.", null);
        }
        byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        Role role = null;
        for (Map.Entry<String, Role> e : keys.entrySet()) {
            if (MessageDigest.isEqual(given, e.getKey().getBytes(StandardCharsets.UTF_8))) {
                role = e.getValue();
            }
        }
        if (role == null) {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            throw new ApiProblem(401, "Unauthorized", "The API key is not valid.", null);
        }
        if (!Arrays.asList(allowed).contains(role)) {
            throw new ApiProblem(403, "Forbidden", "A key with role " + role.name().toLowerCase() + " may not do this; needed: "
                    + String.join(" or ", Arrays.stream(allowed).map(r -> r.name().toLowerCase()).toList()) + ".", null);
        }
        return role;
    }
}
