package eu.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import eu.passerelle.TestService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The API reference at /docs renders in a real Chromium, with nothing fetched from another host. */
class DocsBrowserTest {
    private static final Path SHOTS = Path.of(System.getProperty("passerelle.screenshots", "target/screenshots"));

    @Test
    void theReferenceRendersOpenapiJsonFromTheServiceAlone() throws Exception {
        Path chromium = Path.of(System.getenv().getOrDefault("PASSERELLE_CHROMIUM", "/usr/bin/chromium"));
        String missing = "no Chromium at " + chromium + " (apt-get install chromium; .ci/run does)";
        if (System.getenv("PASSERELLE_REQUIRE_BROWSER") != null && !Files.isExecutable(chromium)) {
            throw new IllegalStateException(missing);
        }
        assumeTrue(Files.isExecutable(chromium), missing);
        Files.createDirectories(SHOTS);
        try (Playwright playwright = Playwright.create();
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium).setHeadless(true)
                     .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                             "--disable-background-networking", "--disable-component-update", "--disable-sync")))) {
            Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)).newPage();
            page.setDefaultTimeout(30_000);
            List<String> requested = new CopyOnWriteArrayList<>();
            page.onRequest(r -> requested.add(r.url()));
            List<String> errors = new CopyOnWriteArrayList<>();
            page.onPageError(errors::add);
            page.navigate(TestService.baseUrl() + "/docs");
            Locator title = page.locator(".swagger-ui .info .title");
            title.waitFor();
            assertThat(title.textContent()).contains("Passerelle API");
            Locator search = page.locator(".opblock-summary-path[data-path='/api/v1/search']");
            search.first().waitFor();
            search.first().click();
            // The parameters of the opened operation show their examples and descriptions.
            page.locator(".parameters-col_description").first().waitFor();
            assertThat(page.locator(".opblock-body").first().textContent()).contains("lang", "Language of the labels");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("docs.png")).setFullPage(false));
            assertThat(errors).isEmpty();
            assertThat(requested).isNotEmpty().allMatch(u -> u.startsWith(TestService.baseUrl()) || u.startsWith("data:"));
        }
    }
}
