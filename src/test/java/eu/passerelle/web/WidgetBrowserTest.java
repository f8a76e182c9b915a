package eu.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Route;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The widget on a partner's page: says what it searches, explains an empty list and widens it, links, late answers. */
class WidgetBrowserTest extends BrowserSupport {

    @Test
    void theWidgetSaysWhatItSearchesAndWidensWhenItsPresetsFindNothing() {
        page.navigate(base() + "/widget-demo.html");
        assertThat(page.locator("meta[name=viewport]").count()).isEqualTo(1);
        Locator widget = page.locator("passerelle-search").first();
        assertThat(widget.locator(".scope").textContent()).isEqualTo("Formations à moins de 60 km de Virton");
        assertThat(page.locator("passerelle-search").nth(1).locator(".scope").textContent()).isEqualTo("Vacatures in de buurt van Arlon");
        for (String word : List.of("animatrice", "animatirce")) {
            widget.locator("input").fill(word);
            widget.locator("input").press("Enter");
            Locator status = widget.locator(".status");
            page.waitForCondition(() -> status.textContent().startsWith("Aucun résultat"));
            assertThat(status.textContent()).contains("« " + word + " »", "Formations à moins de 60 km de Virton");
            assertThat(widget.locator(".ways button").allTextContents()).contains("Chercher jusqu'à 120 km")
                    .anyMatch(t -> t.startsWith("Voir aussi les offres ("));
        }
        shot("widget-empty-presets");
        widget.locator(".ways button", new Locator.LocatorOptions().setHasText("Voir aussi les offres")).click();
        widget.locator("li").first().waitFor();
        assertThat(widget.locator(".scope").textContent()).isEqualTo("Offres d'emploi à moins de 60 km de Virton");
        assertThat(widget.locator("li").first().textContent()).contains("démo (offre fictive)");
        shot("widget-widened");
    }

    @Test
    void aLateAnswerNeverReplacesANewerOne() {
        page.navigate(base() + "/widget-demo.html");
        Locator widget = page.locator("passerelle-search").nth(1);
        List<Route> held = new ArrayList<>();
        page.route("**/api/v1/search**", r -> {
            if (held.isEmpty()) {
                held.add(r);                                  // the first answer is held back
            } else {
                r.resume();
            }
        });
        widget.locator("input").fill("menuisier");
        widget.locator("input").press("Enter");
        page.waitForCondition(() -> held.size() == 1);
        assertThat(widget.locator(".status").textContent()).isEqualTo("Bezig met zoeken…");
        widget.locator("input").fill("auxiliaire de puériculture");
        widget.locator("input").press("Enter");
        widget.locator("li").first().waitFor();
        held.get(0).resume();                                 // the older answer comes last
        page.waitForTimeout(1000);
        assertThat(widget.locator(".title").allTextContents()).isNotEmpty().allMatch(t -> t.toLowerCase().contains("puériculture"));
        assertThat(widget.locator("li").first().textContent()).as("country named in Dutch, demo mark translated")
                .containsAnyOf("België", "Luxemburg", "Frankrijk").contains("demo (fictieve vacature)", "gepubliceerd op");
    }

    @Test
    void resultsLinkToTheTraining() {
        page.navigate(base() + "/widget-demo.html");
        page.evaluate("() => { const w = document.createElement('passerelle-search'); w.id = 'anywhere'; w.dataset.type = 'training'; document.body.append(w); }");
        Locator widget = page.locator("#anywhere");
        assertThat(widget.locator(".scope").textContent()).isEqualTo("Formations");
        widget.locator("input").fill("Humanésens");
        widget.locator("input").press("Enter");
        Locator link = widget.locator("a", new Locator.LocatorOptions().setHasText("Voir la formation")).first();
        link.waitFor();
        assertThat(link.getAttribute("href")).startsWith("https://");
        shot("widget-links");
    }
}
