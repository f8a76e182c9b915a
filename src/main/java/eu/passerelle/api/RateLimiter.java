package eu.passerelle.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import eu.passerelle.config.RateLimit;
import java.time.Duration;

/**
 * Token buckets per client (an API key, else an IP address), kept in a bounded cache so an address that
 * stops calling costs nothing. A refused request learns how many seconds to wait.
 */
final class RateLimiter {
    private final RateLimit limit;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();

    private static final class Bucket {
        double tokens;
        long lastNanos;

        Bucket(double tokens) {
            this.tokens = tokens;
            this.lastNanos = System.nanoTime();
        }
    }

    RateLimiter(RateLimit limit) {
        this.limit = limit;
    }

    /** @return 0 when the request may go on, else the seconds to wait before retrying */
    long acquire(String client, boolean keyed) {
        if (limit.off()) {
            return 0;
        }
        double rate = keyed ? limit.perKeyPerSecond() : limit.perIpPerSecond();
        if (rate <= 0) {
            return 0;
        }
        double capacity = Math.max(1, rate * limit.burstSeconds());
        Bucket b = buckets.get(client, k -> new Bucket(capacity));
        synchronized (b) {
            long now = System.nanoTime();
            b.tokens = Math.min(capacity, b.tokens + (now - b.lastNanos) / 1e9 * rate);
            b.lastNanos = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - b.tokens) / rate);
        }
    }
}
