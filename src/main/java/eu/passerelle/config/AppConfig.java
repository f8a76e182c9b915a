package eu.passerelle.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the service needs to start, immutable and validated once. Defaults are named constants.
 *
 * @param port          HTTP port; 0 picks a free one (tests)
 * @param dataDir       where the SQLite file and the Lucene index live
 * @param indexData     the reference data imported on first start
 * @param apiKeys       API key → role, from PASSERELLE_API_KEYS="key1:admin,key2:advisor"
 * @param corsOrigins   origins allowed to call the API from a browser (the widget's host pages)
 * @param reindex       rebuild the index from the store at start
 * @param refreshMillis how often the searcher picks up index changes in the background
 * @param commitMillis  how often index changes are committed to disk
 * @param rateLimit     requests per second on public endpoints, per IP and per key
 * @param trustedProxies reverse proxies whose forwarding headers name the client
 * @param workPool      the bounded pool search and match run on
 */
public record AppConfig(int port, Path dataDir, Path indexData, Map<String, Role> apiKeys, Set<String> corsOrigins,
                        boolean reindex, long refreshMillis, long commitMillis, RateLimit rateLimit,
                        TrustedProxies trustedProxies, WorkPool workPool) {
    public static final int DEFAULT_PORT = 7070;
    public static final Path DEFAULT_DATA_DIR = Path.of("var");
    public static final Path DEFAULT_INDEX_DATA = Path.of("index-data");
    public static final long DEFAULT_REFRESH_MILLIS = 250;
    public static final long DEFAULT_COMMIT_MILLIS = 10_000;
    public static final int MAX_BODY_BYTES = 1 << 20;
    public static final String API_KEYS_ENV = "PASSERELLE_API_KEYS";
    public static final String CORS_ENV = "PASSERELLE_CORS_ORIGINS";

    public AppConfig {
        if (port < 0 || port > 65_535) {
            throw new ConfigException("--port must be between 0 and 65535, got " + port);
        }
        if (dataDir == null || indexData == null) {
            throw new ConfigException("--data-dir and --index-data are required");
        }
        if (refreshMillis < 10 || commitMillis < 100) {
            throw new ConfigException("refresh interval must be ≥ 10 ms and commit interval ≥ 100 ms");
        }
        apiKeys = Map.copyOf(apiKeys);
        if (rateLimit == null) {
            rateLimit = RateLimit.DEFAULT;
        }
        if (trustedProxies == null) {
            trustedProxies = TrustedProxies.NONE;
        }
        if (workPool == null) {
            workPool = WorkPool.defaults();
        }
        corsOrigins = Set.copyOf(corsOrigins);
    }

    public static AppConfig defaults(Path dataDir, Path indexData) {
        return new AppConfig(DEFAULT_PORT, dataDir, indexData, Map.of(), Set.of(), false, DEFAULT_REFRESH_MILLIS, DEFAULT_COMMIT_MILLIS, RateLimit.DEFAULT,
                TrustedProxies.NONE, WorkPool.defaults());
    }

    public AppConfig withPort(int p) {
        return new AppConfig(p, dataDir, indexData, apiKeys, corsOrigins, reindex, refreshMillis, commitMillis, rateLimit, trustedProxies, workPool);
    }

    public AppConfig withApiKeys(Map<String, Role> keys) {
        return new AppConfig(port, dataDir, indexData, keys, corsOrigins, reindex, refreshMillis, commitMillis, rateLimit, trustedProxies, workPool);
    }

    public AppConfig withCorsOrigins(Set<String> origins) {
        return new AppConfig(port, dataDir, indexData, apiKeys, origins, reindex, refreshMillis, commitMillis, rateLimit, trustedProxies, workPool);
    }

    public AppConfig withReindex(boolean r) {
        return new AppConfig(port, dataDir, indexData, apiKeys, corsOrigins, r, refreshMillis, commitMillis, rateLimit, trustedProxies, workPool);
    }

    public AppConfig withRateLimit(RateLimit limit) {
        return new AppConfig(port, dataDir, indexData, apiKeys, corsOrigins, reindex, refreshMillis, commitMillis, limit, trustedProxies, workPool);
    }

    public AppConfig withTrustedProxies(TrustedProxies proxies) {
        return new AppConfig(port, dataDir, indexData, apiKeys, corsOrigins, reindex, refreshMillis, commitMillis, rateLimit, proxies, workPool);
    }

    public AppConfig withWorkPool(WorkPool pool) {
        return new AppConfig(port, dataDir, indexData, apiKeys, corsOrigins, reindex, refreshMillis, commitMillis, rateLimit, trustedProxies, pool);
    }

    /**
     * The operator's environment settings: PASSERELLE_API_KEYS, PASSERELLE_CORS_ORIGINS, PASSERELLE_RATE_LIMIT_IP,
     * PASSERELLE_RATE_LIMIT_KEY, PASSERELLE_TRUSTED_PROXIES, PASSERELLE_WORKERS, PASSERELLE_WORK_QUEUE.
     */
    public AppConfig withEnvironment(Map<String, String> env) {
        return withApiKeys(parseApiKeys(env.get(API_KEYS_ENV))).withCorsOrigins(parseOrigins(env.get(CORS_ENV)))
                .withRateLimit(RateLimit.fromEnvironment(env)).withTrustedProxies(TrustedProxies.parse(env.get(TrustedProxies.ENV)))
                .withWorkPool(WorkPool.fromEnvironment(env));
    }

    /** Checks what can only be checked against the machine: the reference data is there. */
    public void checkPaths() {
        for (String sub : List.of("rome", "esco", "competent", "onisep", "geonames", "curated")) {
            if (!Files.isDirectory(indexData.resolve(sub))) {
                throw new ConfigException("reference data not found: " + indexData.resolve(sub).toAbsolutePath()
                        + " (run from the repository root, or pass --index-data DIR)");
            }
        }
    }

    /** Parses "key1:admin,key2:advisor"; an entry without a known role is a configuration error. */
    public static Map<String, Role> parseApiKeys(String spec) {
        Map<String, Role> keys = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return keys;
        }
        for (String entry : spec.split(",")) {
            String e = entry.strip();
            int colon = e.lastIndexOf(':');
            if (colon <= 0) {
                throw new ConfigException(API_KEYS_ENV + ": each entry must be key:role, got an entry without a role");
            }
            String key = e.substring(0, colon);
            Role role = Role.parse(e.substring(colon + 1)).orElseThrow(() ->
                    new ConfigException(API_KEYS_ENV + ": unknown role '" + e.substring(colon + 1) + "' (admin, advisor, writer)"));
            if (key.length() < 8) {
                throw new ConfigException(API_KEYS_ENV + ": keys must be at least 8 characters long");
            }
            keys.put(key, role);
        }
        return keys;
    }

    /**
     * Parses "https://a.example,https://b.example:8443". An origin listed twice counts once; an entry that
     * is not an origin (a path, a trailing slash, a wildcard) is a configuration error, since the browser
     * sends the bare origin and such an entry would never match.
     */
    public static Set<String> parseOrigins(String spec) {
        Set<String> origins = new java.util.LinkedHashSet<>();
        if (spec == null || spec.isBlank()) {
            return origins;
        }
        for (String entry : spec.split(",")) {
            String origin = entry.strip();
            if (origin.isEmpty()) {
                continue;
            }
            if (!ORIGIN.matcher(origin).matches()) {
                throw new ConfigException(CORS_ENV + ": '" + origin + "' is not an origin; write scheme://host or scheme://host:port, "
                        + "without a path or trailing slash (e.g. https://partner.example)");
            }
            origins.add(origin.toLowerCase(java.util.Locale.ROOT)); // browsers send scheme and host in lower case
        }
        return origins;
    }

    private static final java.util.regex.Pattern ORIGIN = java.util.regex.Pattern.compile("https?://([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(:\\d{1,5})?");
}
