package eu.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The API reference at /docs renders in a real Chromium, with nothing fetched from another host. */
class DocsBrowserTest extends BrowserSupport {

    @Test
    void theReferenceRendersOpenapiJsonFromTheServiceAlone() throws Exception {
        List<String> requested = new CopyOnWriteArrayList<>();
        page.onRequest(r -> requested.add(r.url()));
        List<String> errors = new CopyOnWriteArrayList<>();
        page.onPageError(errors::add);
        page.navigate(base() + "/docs");
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
        assertThat(requested).isNotEmpty().allMatch(u -> u.startsWith(base()) || u.startsWith("data:"));
    }
}
