package eu.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import eu.passerelle.TestService;
import org.junit.jupiter.api.Test;

/** The page and the widget in a real browser: the first journeys (keyboard only, languages, search, widget isolation). */
class BrowserTest extends BrowserSupport {

    @Test
    void anAdvisorGoesFromAeshToTheCpjepsWithTheKeyboardAloneAndShortlistsIt() {
        Response r = page.navigate(TestService.baseUrl() + "/");
        assertThat(r.headers().get("content-type").replace(" ", "")).isEqualTo("text/html;charset=utf-8");
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("fr");

        page.keyboard().press("Tab");                       // skip link
        assertThat(page.evaluate("document.activeElement.className")).isEqualTo("skip");
        page.keyboard().press("Enter");                     // to the profile heading
        page.keyboard().press("Tab");                       // occupations field
        assertThat(page.evaluate("document.activeElement.id")).isEqualTo("occupations");
        page.keyboard().type("AESH");
        page.locator("#suggestions li").first().waitFor();
        page.keyboard().press("ArrowDown");
        page.keyboard().press("Enter");
        assertThat(page.inputValue("#occupations")).contains("AESH");
        page.keyboard().press("Tab");
        page.keyboard().press("Tab");
        page.keyboard().press("Tab");
        page.keyboard().press("Tab");                       // location (after skills, qualifications, wanted occupation)
        assertThat(page.evaluate("document.activeElement.id")).isEqualTo("location");
        page.keyboard().type("Chalon-sur-Sa");
        page.locator("#suggestions li").first().waitFor();
        page.keyboard().press("ArrowDown");
        page.keyboard().press("Enter");
        assertThat(page.inputValue("#location")).startsWith("Chalon-sur-Saône");
        page.keyboard().press("Enter");                     // submits the form

        Locator cpjeps = page.locator("#results-training .card", new Page.LocatorOptions().setHasText("CPJEPS")).first();
        cpjeps.waitFor();
        assertThat(cpjeps.textContent()).contains("280");
        assertThat(page.locator("#resolution").textContent()).as("the resolution in words, no internal id")
                .contains("Accompagnant / Accompagnante des élèves en situation de handicap").doesNotContain("rome:");
        Locator animator = page.locator("#results-occupation .card", new Page.LocatorOptions().setHasText("Animateur / Animatrice jeunesse")).first();
        assertThat(page.locator("#results-occupation .card h3").first().textContent())
                .as("the job picked from the typeahead ranks like the typed acronym").isEqualTo("Animateur / Animatrice jeunesse");
        animator.locator("summary").focus();
        page.keyboard().press("Enter");                     // opens the explanation
        assertThat(animator.locator("details").getAttribute("open")).isNotNull();
        assertThat(animator.textContent()).contains("Mobilité répertoriée", "CPJEPS");
        assertThat(animator.locator(".missing-essential").count()).isPositive();
        cpjeps.locator("button.add").focus();
        page.keyboard().press("Enter");                     // adds to the shortlist
        page.locator("#shortlist > li").first().waitFor();
        assertThat(page.locator("#shortlist > li").count()).isEqualTo(1);
        assertThat(page.locator("#shortlist").textContent()).contains("CPJEPS");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("advisor-aesh.png")).setFullPage(true));
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
        assertThat(page.locator(".results").isVisible()).as("print shows the shortlist only").isFalse();
        assertThat(page.locator("#shortlist").isVisible()).isTrue();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("advisor-shortlist-print.png")).setFullPage(true));
    }

    @Test
    void theInterfaceSwitchesToDutchAndEnglish() {
        page.navigate(TestService.baseUrl() + "/");
        page.selectOption("#lang", "nl");
        assertThat(page.locator("#profile-title").textContent()).isEqualTo("Profiel van de persoon");
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("nl");
        page.selectOption("#lang", "en");
        assertThat(page.locator("button[type=submit]").first().textContent()).isEqualTo("Find options");
    }

    @Test
    void freeSearchShowsHighlightsAsTextAndFacetsFilter() {
        page.navigate(TestService.baseUrl() + "/");
        page.locator("#q").focus();
        page.keyboard().type("auxiliaire de puéri");
        page.locator("#suggestions li").first().waitFor();
        assertThat(page.locator("#suggestions li").allTextContents()).anyMatch(t -> t.contains("Auxiliaire de puériculture"));
        page.keyboard().press("ArrowDown");
        page.keyboard().press("Enter");                     // chooses the suggestion and searches
        page.locator("#search-results .card").first().waitFor();
        assertThat(page.inputValue("#q")).contains("puériculture");
        assertThat(page.locator("#search-results .card b").count()).isPositive();
        page.locator("#facets input[type=checkbox]").first().check();
        page.waitForCondition(() -> page.locator("#facets input:checked").count() == 1);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("advisor-search.png")).setFullPage(true));
    }

    @Test
    void theWidgetIsUnaffectedByTheHostPageAndLeavesNoTrace() {
        page.navigate(TestService.baseUrl() + "/widget-demo.html");
        Locator widget = page.locator("passerelle-search").first();
        widget.locator("input").fill("petite enfance");
        widget.locator("input").press("Enter");
        Locator first = widget.locator("li").first();
        first.waitFor();
        assertThat(widget.locator("li").allTextContents()).anyMatch(t -> t.contains("Virton"));
        String color = (String) first.evaluate("e => getComputedStyle(e).color");
        String size = (String) first.evaluate("e => getComputedStyle(e).fontSize");
        assertThat(color).isEqualTo("rgb(27, 27, 27)");
        assertThat(size).isNotEqualTo("22px");
        assertThat((String) page.locator("h1").evaluate("e => getComputedStyle(e).color")).isEqualTo("rgb(208, 0, 0)");
        Locator dutch = page.locator("passerelle-search").nth(1);
        assertThat(dutch.locator("button").textContent()).isEqualTo("Zoeken");
        assertThat(context.cookies()).isEmpty();
        assertThat(page.evaluate("localStorage.length + sessionStorage.length")).isEqualTo(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("widget-demo.png")).setFullPage(true));
    }
}
