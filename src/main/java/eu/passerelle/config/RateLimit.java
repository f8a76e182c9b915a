package eu.passerelle.config;

/**
 * Requests per second allowed on the public endpoints, per client IP without a key and per API key with
 * one; a client may burst to {@code burstSeconds} worth of requests.
 */
public record RateLimit(double perIpPerSecond, double perKeyPerSecond, double burstSeconds) {
    public static final RateLimit DEFAULT = new RateLimit(20, 200, 3);
    /** For the benchmark, which measures the engine, not the limiter. */
    public static final RateLimit OFF = new RateLimit(0, 0, 0);
    public static final String IP_ENV = "PASSERELLE_RATE_LIMIT_IP";
    public static final String KEY_ENV = "PASSERELLE_RATE_LIMIT_KEY";

    public RateLimit {
        if (perIpPerSecond < 0 || perKeyPerSecond < 0 || burstSeconds < 0) {
            throw new ConfigException("rate limits must not be negative");
        }
    }

    /** The defaults, with PASSERELLE_RATE_LIMIT_IP / PASSERELLE_RATE_LIMIT_KEY (requests per second, 0 = off) applied. */
    public static RateLimit fromEnvironment(java.util.Map<String, String> env) {
        return new RateLimit(Settings.rate(env, IP_ENV, DEFAULT.perIpPerSecond()), Settings.rate(env, KEY_ENV, DEFAULT.perKeyPerSecond()),
                DEFAULT.burstSeconds());
    }

    public boolean off() {
        return perIpPerSecond == 0 && perKeyPerSecond == 0;
    }
}
