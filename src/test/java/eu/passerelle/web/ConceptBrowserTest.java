package eu.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One occupation across ROME, ESCO and Compétent on the advisors' page and in the widget (issue 8): one row per
 * occupation with its codes in the other referentials, and how a hit reached through a crosswalk was found, in the
 * reader's words; at desktop width and on a 375 px phone.
 */
class ConceptBrowserTest extends BrowserSupport {

    private void at(int width) {
        if (width != 1280) {
            openAt(width, 800);
        }
    }

    /** No internal id is shown as text: codes as advisors know them only ("ROME K1303", "Compétent OP-276", "ESCO"). */
    private static void noRawIds(String text) {
        assertThat(text).doesNotContainPattern("(rome|esco|competent):[A-Za-z0-9-]+").doesNotContain("provenance", "official", "computed");
    }

    @ParameterizedTest
    @ValueSource(ints = {1280, 375})
    void frenchChildcareSkillsGiveRomeFichesEachOnceWithTheirCodesElsewhere(int width) {
        at(width);
        page.navigate(base() + "/");
        page.fill("#skills", "surveiller des enfants, animer des activités ludiques, accompagner l'enfant dans les actes de la vie quotidienne");
        page.click("#profile-form button[type=submit]");
        Locator cards = page.locator("#results-occupation .card");
        cards.first().waitFor();
        List<String> metas = cards.locator(".meta").allTextContents();
        assertThat(metas).anyMatch(m -> m.contains("ROME K1303"));
        // One row per occupation: no code appears both as a row and among another row's equivalents.
        List<String> heads = metas.stream().map(m -> m.split(" · ")[0]).filter(m -> m.startsWith("ROME ") || m.startsWith("Compétent ")).toList();
        assertThat(heads).doesNotHaveDuplicates();
        for (String eq : cards.locator(".equivalents li strong").allTextContents()) {
            assertThat(heads).doesNotContain(eq);
        }
        Locator withEquivalents = cards.filter(new Locator.FilterOptions().setHas(page.locator(".equivalents"))).first();
        assertThat(withEquivalents.locator(".equivalents").textContent())
                .startsWith("Le même métier dans les autres référentiels :").containsPattern("(ESCO|Compétent OP-\\d+) .+ — .*(correspondance officielle|rapprochement calculé)");
        noRawIds(page.locator("#results-occupation").textContent());
        shot("concept-skills-" + width);
    }

    @ParameterizedTest
    @ValueSource(ints = {1280, 375})
    void aDutchChildcareWorkerNearArlonSeesCompetentProfilesWithTheirFrenchCodes(int width) {
        at(width);
        page.navigate(base() + "/?lang=nl");
        page.fill("#occupations", "kinderbegeleider baby's en peuters");
        page.locator("#location").pressSequentially("Arlon");
        page.locator("#suggestions li").first().waitFor();
        // The place list names the country in the page's language, not by its code.
        assertThat(page.locator("#suggestions li").allTextContents()).anyMatch(s -> s.startsWith("Arlon (België)")).noneMatch(s -> s.endsWith("(BE)"));
        page.locator("#location").press("ArrowDown");
        page.locator("#location").press("Enter");
        page.click("#profile-form button[type=submit]");
        Locator cards = page.locator("#results-occupation .card");
        cards.first().waitFor();
        String column = page.locator("#results-occupation").textContent();
        assertThat(column).contains("Compétent OP-", "Hetzelfde beroep in de andere referentiekaders:", "ROME K");
        assertThat(column).doesNotContain("Le même métier", "correspondance officielle");
        // Rows are named in Dutch where the referential has a Dutch title (Compétent's profiles all do).
        assertThat(cards.locator("h3").allTextContents()).anyMatch(h -> h.startsWith("Kinderbegeleider"))
                .noneMatch(h -> h.startsWith("Accompagnateur d'enfants"));
        noRawIds(column);
        shot("concept-arlon-nl-" + width);
    }

    @ParameterizedTest
    @ValueSource(ints = {1280, 375})
    void aSearchRestrictedToRomeSaysWhichEquivalentItWasFoundThrough(int width) {
        at(width);
        page.navigate(base() + "/");
        page.fill("#q", "kinderbegeleider");
        page.locator("#q").press("Enter");
        page.locator("#facets input").first().waitFor();
        page.locator("#facets label", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Métiers")).locator("input").check();
        page.waitForCondition(() -> apiCalls.stream().anyMatch(r -> r.url().contains("type=occupation")));
        page.locator("#facets label", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Référentiel ROME (France)")).locator("input").check();
        page.waitForCondition(() -> apiCalls.stream().anyMatch(r -> r.url().contains("scheme=rome")));
        Locator via = page.locator("#search-results .card .via").first();
        via.waitFor();
        assertThat(via.textContent()).startsWith("Trouvé par son équivalent ").containsPattern("(Compétent OP-\\d+|ESCO) « .+ » \\((correspondance officielle|rapprochement calculé par Passerelle)\\)\\.");
        assertThat(page.locator("#search-results .card .meta").allTextContents()).allMatch(m -> m.startsWith("ROME "));
        // The ROME count beside the list counts the fiches reached through the crosswalks, as the list shows them.
        String rome = page.locator("#facets label", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Référentiel ROME (France)")).textContent();
        int shown = page.locator("#search-results .card").count();
        assertThat(Integer.parseInt(rome.replaceAll(".*\\((\\d+)\\)\\s*$", "$1"))).isGreaterThanOrEqualTo(shown);
        noRawIds(page.locator("#search-results").textContent());
        shot("concept-search-rome-" + width);
    }

    @ParameterizedTest
    @ValueSource(ints = {1280, 375})
    void theWidgetShowsOneRowPerOccupationWithItsCodesAndHowItWasFound(int width) {
        at(width);
        page.navigate(base() + "/widget-demo.html");
        page.locator("passerelle-search").first().waitFor();
        page.evaluate("() => { const w = document.createElement('passerelle-search'); w.id = 'concept'; w.dataset.type = 'occupation';"
                + " w.dataset.scheme = 'esco'; w.dataset.lang = 'fr'; document.body.prepend(w); }");
        Locator widget = page.locator("#concept");
        widget.locator("input").fill("Agent / Agente de nettoiement d'espace urbain");
        widget.locator("input").press("Enter");
        widget.locator("li").first().waitFor();
        Locator first = widget.locator("li").first();
        assertThat(first.locator(".title").textContent()).startsWith("balayeur").endsWith(" · ESCO");
        assertThat(first.locator(".via").textContent())
                .isEqualTo("Trouvé par son équivalent ROME K2307 « Agent / Agente de propreté urbaine » (correspondance officielle).");
        assertThat(first.locator(".same").textContent()).startsWith("Même métier : ").contains("ROME K2307");
        noRawIds(widget.locator("ol").textContent());
        shot("concept-widget-" + width);
    }
}
