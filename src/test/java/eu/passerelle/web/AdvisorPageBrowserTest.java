package eu.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.Media;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The advisors' page people can trust and act on (issue 10): corrections, states, late answers, handout, Dutch, phones. */
class AdvisorPageBrowserTest extends BrowserSupport {

    private void profile(String occupations, String place) {
        page.navigate(base() + "/");
        page.fill("#occupations", occupations);
        if (place != null) {
            page.locator("#location").pressSequentially(place);
            page.locator("#suggestions li").first().waitFor();
            page.locator("#location").press("ArrowDown");
            page.locator("#location").press("Enter");
        }
    }

    private void find() {
        page.click("#profile-form button[type=submit]");
    }

    private String matchBody(int i) {
        return apiCalls.stream().filter(r -> r.url().contains("/api/v1/match")).toList().get(i).postData();
    }

    @Test
    void theAdvisorSwitchesAWordToAnotherMeaningOrRemovesItAndTheMatchRunsAgain() {
        profile("AESH, anim", null);
        find();
        Locator aesh = page.locator("#resolution li", new Page.LocatorOptions().setHasText("« AESH »"));
        aesh.locator("select").waitFor();
        assertThat(aesh.locator("select option").count()).as("the resolution and its alternatives").isGreaterThan(1);
        String chosen = aesh.locator("select option").nth(1).getAttribute("value");
        String chosenLabel = aesh.locator("select option").nth(1).textContent();
        Locator anim = page.locator("#resolution li", new Page.LocatorOptions().setHasText("« anim »"));
        assertThat(anim.textContent()).as("a guess below 80 % is flagged").contains("Peu sûr");
        assertThat(page.locator("#resolution").textContent()).doesNotContain("rome:", "esco:", "via");
        shot("resolution-before");

        long before = calls("/api/v1/match");
        aesh.locator("select").selectOption(chosen);
        page.waitForCondition(() -> calls("/api/v1/match") > before);
        page.waitForCondition(() -> chosen.equals(aesh.locator("select").inputValue()) && page.locator("#status .loading").count() == 0);
        assertThat(matchBody((int) before)).as("the chosen concept is sent instead of the word").contains(chosen).doesNotContain("\"AESH\"");
        assertThat(aesh.locator("select option:checked").textContent()).isEqualTo(chosenLabel);
        assertThat(page.inputValue("#occupations")).as("the field keeps the advisor's words").isEqualTo("AESH, anim");

        long beforeRemove = calls("/api/v1/match");
        anim.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).click();
        page.waitForCondition(() -> calls("/api/v1/match") > beforeRemove);
        Locator removed = page.locator("#resolution li.removed");
        removed.waitFor();
        assertThat(removed.textContent()).contains("« anim » retiré du profil");
        assertThat(matchBody((int) beforeRemove)).doesNotContain("anim");
        shot("resolution-corrected");
        removed.locator("button").click();                   // restore
        page.locator("#resolution li", new Page.LocatorOptions().setHasText("« anim »")).locator("select").waitFor();
    }

    @Test
    void aWantedOccupationIsSentWithTheProfile() {
        profile("AESH", null);
        page.fill("#wantedOccupations", "animateur");
        find();
        page.locator("#results-occupation .card").first().waitFor();
        assertThat(matchBody(0)).contains("\"wantedOccupations\":[\"animateur\"]");
        page.waitForCondition(() -> page.locator("#resolution").textContent().contains("« animateur » (métier visé) compris comme"));
        assertThat(page.locator("#status").textContent()).as("the service takes it into account").doesNotContain("pas encore pris en compte");
        shot("wanted-occupation");
    }

    @Test
    void errorsAndEmptyResultsSayWhatHappenedAndOfferAWayForward() {
        profile("AESH", "Chalon-sur-Sa");
        page.route("**/api/v1/match**", r -> r.fulfill(new Route.FulfillOptions().setStatus(502).setContentType("text/html").setBody("<h1>Bad Gateway</h1>")));
        find();
        Locator error = page.locator("#status .error");
        error.waitFor();
        assertThat(error.textContent()).contains("erreur (502)").doesNotContain("Recherche en cours");
        shot("state-502");
        page.unroute("**/api/v1/match**");
        page.route("**/api/v1/match**", r -> r.abort("connectionrefused"));
        error.locator("button").click();                     // try again: the server is now down
        page.waitForCondition(() -> page.locator("#status .error").textContent().contains("ne répond pas"));
        shot("state-server-down");
        page.unroute("**/api/v1/match**");
        page.locator("#status .error button").click();       // try again: it answers
        page.locator("#results-occupation .card").first().waitFor();

        Locator empty = page.locator("#results-posting .empty");
        empty.waitFor();
        assertThat(empty.textContent()).contains("Aucune offre à moins de 40 km de Chalon-sur-Saône");
        assertThat(empty.locator("button").first().textContent()).isEqualTo("Élargir à 80 km");
        shot("state-empty-posts");
        empty.locator("button").first().click();
        page.waitForCondition(() -> matchBody((int) calls("/api/v1/match") - 1).contains("\"radiusKm\":80"));
        assertThat(page.inputValue("#radius")).isEqualTo("80");
    }

    @Test
    void aPlaceTypedButNotPickedIsExplainedBeforeAnythingIsSent() {
        profile("AESH", null);
        page.locator("#location").pressSequentially("Chalon-sur-Sa");
        page.locator("#suggestions li").first().waitFor();
        page.locator("#location").press("Escape");
        assertThat(page.inputValue("#location")).isEqualTo("Chalon-sur-Sa");
        find();
        Locator status = page.locator("#status");
        page.waitForCondition(() -> status.locator("button").count() > 0);
        assertThat(status.textContent()).contains("« Chalon-sur-Sa » n'a pas été choisi dans la liste des lieux");
        assertThat(calls("/api/v1/match")).as("nothing sent with an unknown place").isZero();
        shot("state-place-not-picked");
        status.locator("button", new Locator.LocatorOptions().setHasText("Chalon-sur-Saône (France)")).click();
        page.locator("#results-training .card").first().waitFor();
        assertThat(page.inputValue("#location")).isEqualTo("Chalon-sur-Saône, FR");
        assertThat(matchBody(0)).contains("Chalon-sur-Saône");
    }

    @Test
    void aLateAnswerNeverReplacesANewerOne() {
        page.navigate(base() + "/");
        List<Route> held = new ArrayList<>();
        page.route("**/api/v1/search**", r -> {
            if (held.isEmpty()) {
                held.add(r);                                  // the first answer is held back
            } else {
                r.resume();
            }
        });
        page.fill("#q", "menuisier");
        page.click("#search-form button[type=submit]");
        page.waitForCondition(() -> held.size() == 1);
        page.fill("#q", "auxiliaire de puériculture");
        page.click("#search-form button[type=submit]");
        page.locator("#search-results .card").first().waitFor();
        held.get(0).resume();                                 // the older answer arrives last
        page.waitForTimeout(1000);
        List<String> titles = page.locator("#search-results .card h3").allTextContents();
        assertThat(titles).isNotEmpty().allMatch(t -> !t.toLowerCase().contains("menuisier"));
        assertThat(titles).anyMatch(t -> t.contains("puériculture"));
        Request first = apiCalls.stream().filter(r -> r.url().contains("/api/v1/search")).findFirst().orElseThrow();
        assertThat(first.failure()).as("the older request was aborted").isNotNull();
    }

    @Test
    void escapeClosesTheListWithoutErasingAndTheListNeverCatchesAClickOnTheButton() {
        page.navigate(base() + "/");
        page.locator("#q").pressSequentially("auxiliaire");
        page.locator("#suggestions li").first().waitFor();
        page.locator("#q").press("Escape");
        assertThat(page.locator("#suggestions").isVisible()).isFalse();
        assertThat(page.inputValue("#q")).isEqualTo("auxiliaire");

        page.fill("#occupations", "AESH");
        page.locator("#location").pressSequentially("Chalon");
        page.locator("#suggestions li").first().waitFor();
        Locator button = page.locator("#profile-form button[type=submit]");
        assertThat(overlaps(page.locator("#suggestions"), button)).as("the list does not lie over the button").isFalse();
        button.click();
        assertThat(page.inputValue("#location")).as("a click on the button picks no suggestion").isEqualTo("Chalon");
        assertThat(page.locator("#suggestions").isVisible()).isFalse();
    }

    private static boolean overlaps(Locator a, Locator b) {
        var x = a.boundingBox();
        var y = b.boundingBox();
        return x != null && y != null && x.x < y.x + y.width && y.x < x.x + x.width && x.y < y.y + y.height && y.y < x.y + x.height;
    }

    @Test
    void theShortlistSurvivesAReloadAndPrintsWhatThePersonNeedsToAct() {
        profile("AESH", "Chalon-sur-Sa");
        find();
        Locator cpjeps = page.locator("#results-training .card", new Page.LocatorOptions().setHasText("CPJEPS")).first();
        cpjeps.locator("details summary").click();
        assertThat(page.locator("#results").innerText()).as("no internal text reaches people")
                .doesNotContain("shared/", "stated by", "level and authority", "exact label", "rome:", "synthetic");
        cpjeps.locator("button.add").click();
        page.waitForCondition(() -> page.locator("#announce").textContent().contains("ajouté à la sélection"));
        page.fill("#q", "auxiliaire de puériculture");
        page.click("#search-form button[type=submit]");
        Locator post = page.locator("#search-results .card[data-type=posting]").first();
        post.locator("button.add").click();                   // a free-search result can be added too
        page.waitForCondition(() -> page.locator("#shortlist > li").count() == 2);
        page.waitForCondition(() -> page.locator("#announce").textContent().contains("(2 au total)"));
        page.fill("#reference", "M. D., dossier 42");

        page.reload();
        page.locator("#shortlist > li").nth(1).waitFor();
        assertThat(page.inputValue("#reference")).isEqualTo("M. D., dossier 42");
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        String printed = page.locator("body").innerText();
        assertThat(printed).contains("Préparé le", "Pour : M. D., dossier 42", "Organisme", "FormApi Chalon", "Coût", "34 000",
                "Financement", "Employeur", "employeur fictif", "Contrat", "Publiée le", "Offre fictive");
        assertThat(printed).doesNotContain("Retirer", "Imprimer", "shared/", "synthetic", "rome:");
        assertThat(page.locator(".shortlist button:visible").count()).as("no buttons on paper").isZero();
        shot("handout-print");
    }

    @Test
    void inDutchTheWholePageAndItsContentSwitch() {
        profile("kinderbegeleider", null);
        find();
        page.locator("#results-occupation .card").first().waitFor();
        long before = calls("/api/v1/match");
        page.selectOption("#lang", "nl");
        page.waitForCondition(() -> calls("/api/v1/match") > before);
        page.waitForCondition(() -> page.locator("#status .loading").count() == 0 && page.locator("#results-occupation .card").count() > 0);
        assertThat(apiCalls.stream().filter(r -> r.url().contains("/api/v1/match")).reduce((a, b) -> b).orElseThrow().url()).contains("lang=nl");
        page.fill("#q", "kinderbegeleider");
        page.click("#search-form button[type=submit]");
        page.locator("#search-results .card").first().waitFor();
        assertThat(apiCalls.stream().filter(r -> r.url().contains("/api/v1/search")).reduce((a, b) -> b).orElseThrow().url()).contains("lang=nl");
        assertThat(page.locator("#search-results .card h3").allTextContents()).as("Dutch titles where the referential has them")
                .anyMatch(t -> t.startsWith("Kinderbegeleider"));
        String ui = page.locator("body").innerText();
        assertThat(ui).contains("Mogelijkheden zoeken", "Begrepen als", "Vacatures", "België")
                .doesNotContain("Trouver des pistes", "Compris comme", "Sélection à remettre", "Couverture", "Pourquoi", "Rechercher");
        shot("advisor-dutch");
    }

    @Test
    void onAPhoneTheColumnsAreTabsWithCountsAndTargetsAreBigEnough() {
        openAt(375, 812);
        page.navigate(base() + "/");
        page.fill("#qualifications", "CAP AEPE");
        page.locator("#location").pressSequentially("Longwy");
        page.locator("#suggestions li").first().waitFor();
        page.locator("#location").press("ArrowDown");
        page.locator("#location").press("Enter");
        find();
        page.locator("#results-occupation .card").first().waitFor();
        Locator postsTab = page.locator("#tab-posting");
        assertThat(postsTab.isVisible()).isTrue();
        assertThat(postsTab.textContent()).matches("Offres \\(\\d+\\+?\\)");
        assertThat(page.locator("#results-posting").isVisible()).as("one column at a time").isFalse();
        postsTab.click();
        Locator firstPost = page.locator("#results-posting .card").first();
        assertThat(firstPost.isVisible()).isTrue();
        double top = (double) firstPost.evaluate("e => e.getBoundingClientRect().top + window.scrollY");
        assertThat(top).as("posts within two screens, not six").isLessThan(2 * 812);
        Locator across = page.locator("#results-posting .card .border").first();
        assertThat(across.textContent()).as("crossing the border is visible, with distance and recognition")
                .matches("(?s)De l'autre côté de la frontière : (Belgique|Luxembourg) · \\d+ km.*Reconnaissance du diplôme : .+");
        for (Locator box : page.locator("input[type=checkbox]").all()) {
            assertThat(box.boundingBox().width).isGreaterThanOrEqualTo(24);
        }
        assertThat(page.locator("meta[name=viewport]").count()).isEqualTo(1);
        shot("advisor-phone");
    }
}
