package eu.passerelle.api;

import static org.assertj.core.api.Assertions.assertThat;

import eu.passerelle.Passerelle;
import eu.passerelle.TestService;
import eu.passerelle.config.RateLimit;
import eu.passerelle.config.TrustedProxies;
import eu.passerelle.config.WorkPool;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The operator's settings over a real server: rate limits per client address behind proxies, and the bounded work pool. */
class OperatingLimitsTest {
    private final HttpClient client = HttpClient.newHttpClient();

    private int refusedOf(Javalin app, int requests, boolean spoofEach) throws Exception {
        int refused = 0;
        for (int i = 0; i < requests; i++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/api/v1/health"));
            b.header("X-Forwarded-For", spoofEach ? "198.51.100." + (i + 1) : "198.51.100.200");
            if (client.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 429) {
                refused++;
            }
        }
        return refused;
    }

    @Test
    void aForwardedForHeaderFromAnUntrustedPeerDoesNotEscapeTheLimit() throws Exception {
        Passerelle p = TestService.passerelle();
        Javalin app = AppFactory.create(p, p.config().withRateLimit(new RateLimit(1, 1, 2)).withTrustedProxies(TrustedProxies.NONE)).start(0);
        try {
            assertThat(refusedOf(app, 6, true)).as("a new X-Forwarded-For on every request is ignored").isGreaterThanOrEqualTo(3);
        } finally {
            app.stop();
        }
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnBudget() throws Exception {
        Passerelle p = TestService.passerelle();
        Javalin app = AppFactory.create(p, p.config().withRateLimit(new RateLimit(1, 1, 2))
                .withTrustedProxies(TrustedProxies.parse("127.0.0.0/8,::1"))).start(0);
        try {
            assertThat(refusedOf(app, 6, true)).as("six clients behind the proxy, one request each").isZero();
            assertThat(refusedOf(app, 6, false)).as("one client behind the proxy, six requests").isGreaterThanOrEqualTo(3);
        } finally {
            app.stop();
        }
    }

    @Test
    void zeroSwitchesTheLimitOff() throws Exception {
        Passerelle p = TestService.passerelle();
        Javalin app = AppFactory.create(p, p.config().withRateLimit(new RateLimit(0, 0, 3))).start(0);
        try {
            assertThat(refusedOf(app, 30, false)).isZero();
        } finally {
            app.stop();
        }
    }

    @Test
    void whenEveryWorkerIsBusyAndNoneMayWaitTheAnswerIsA503ProblemWithRetryAfter() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        WorkQueue work = new WorkQueue(new WorkPool(1, 0));
        Javalin app = Javalin.create(config -> {
            Problems.register(config);
            config.routes.get("/slow", work.wrap(ctx -> {
                entered.countDown();
                release.await(10, TimeUnit.SECONDS);
                ctx.result("done");
            }));
        }).start(0);
        try {
            String url = "http://localhost:" + app.port() + "/slow";
            CompletableFuture<HttpResponse<String>> first = client.sendAsync(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            HttpResponse<String> second = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(second.statusCode()).isEqualTo(503);
            assertThat(second.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(second.headers().firstValue("Retry-After")).contains(String.valueOf(WorkQueue.RETRY_AFTER_SECONDS));
            assertThat(second.body()).contains("busy").doesNotContain("Exception");
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(first.get().body()).isEqualTo("done");
            assertThat(work.rejected()).isEqualTo(1);
        } finally {
            release.countDown();
            app.stop();
            work.close();
        }
    }
}
