package eu.passerelle.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Request;
import eu.passerelle.TestService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A real headless Chromium (Debian's package, driven by Playwright) against the real server, for the browser
 * test classes. Screenshots go to target/screenshots/ for a reviewer to look at.
 */
abstract class BrowserSupport {
    static final Path SHOTS = Path.of(System.getProperty("passerelle.screenshots", "target/screenshots"));
    static Playwright playwright;
    static Browser browser;
    BrowserContext context;
    Page page;
    /** Every API request the page made, in order (URL with query, and body). */
    final List<Request> apiCalls = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void launch() throws Exception {
        Path chromium = Path.of(System.getenv().getOrDefault("PASSERELLE_CHROMIUM", "/usr/bin/chromium"));
        String missing = "no Chromium at " + chromium + " (apt-get install chromium; .ci/run does)";
        if (System.getenv("PASSERELLE_REQUIRE_BROWSER") != null && !Files.isExecutable(chromium)) {
            throw new IllegalStateException(missing);
        }
        assumeTrue(Files.isExecutable(chromium), missing);
        Files.createDirectories(SHOTS);
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    @BeforeEach
    void open() {
        openAt(1280, 900);
    }

    void openAt(int width, int height) {
        if (context != null) {
            context.close();
        }
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
        page = context.newPage();
        page.setDefaultTimeout(30_000);
        apiCalls.clear();
        page.onRequest(r -> {
            if (r.url().contains("/api/v1/")) {
                apiCalls.add(r);
            }
        });
    }

    @AfterEach
    void shut() {
        context.close();
        context = null;
    }

    String base() {
        return TestService.baseUrl();
    }

    void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }

    long calls(String path) {
        return apiCalls.stream().filter(r -> r.url().contains(path)).count();
    }
}
