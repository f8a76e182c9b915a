package eu.passerelle.match;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import eu.passerelle.model.Json;
import eu.passerelle.model.Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The curated, sourced table of cross-border recognition rules for the sector. Unknown means unknown:
 * where no rule exists for a qualification and a pair of countries, the answer says so.
 */
public final class Recognition {
    public static final Map<String, String> STATUS_FR = Map.of(
            "eligible_now", "reconnu : peut exercer maintenant",
            "after_procedure", "reconnu après une procédure d'équivalence",
            "needs_training", "formation complémentaire nécessaire",
            "unknown", "inconnu : aucune source ne le dit");

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Qualification(String code, List<String> names, String country) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Rule(String qualification, String from, String to, String status, String route, List<String> appliesTo,
                String since, List<String> sources) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Table(List<Qualification> qualifications, List<Rule> rules) {
    }

    /** The recognition of one of the person's qualifications in the result's country. */
    public record Verdict(String qualification, String from, String to, String status, String statusLabel, String route,
                          List<String> sources) {
    }

    private final Table table;

    private Recognition(Table table) {
        this.table = table;
    }

    public static Recognition load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new Recognition(new Table(List.of(), List.of()));
        }
        return new Recognition(Json.MAPPER.readValue(file.toFile(), Table.class));
    }

    /** The country that issues a qualification: RNCP certifications are French; brevets as the table says. */
    public String countryOf(String code) {
        if (code.startsWith("RNCP")) {
            return "FR";
        }
        return table.qualifications().stream().filter(q -> q.code().equals(code)).map(Qualification::country).findFirst().orElse("");
    }

    /** A qualification named in words ("BAFA", "brevet d'animateur de centres de vacances"), if the table knows it. */
    public Optional<Qualification> qualificationNamed(String words) {
        String key = Text.fold(words);
        return table.qualifications().stream().filter(q -> q.names().stream().anyMatch(n -> Text.fold(n).equals(key))).findFirst();
    }

    /**
     * For a result in {@code to}: one verdict per qualification issued in another country (a qualification
     * is recognised or not where it was not issued, wherever its holder lives). A rule that lists the
     * occupations it applies to is used only for those; a qualification with no rule is unknown.
     */
    public List<Verdict> verdicts(List<String> qualifications, String to, List<String> resultOccupations) {
        List<Verdict> out = new ArrayList<>();
        for (String q : qualifications) {
            String from = countryOf(q);
            if (from.isEmpty() || from.equals(to)) {
                continue;
            }
            Rule rule = table.rules().stream()
                    .filter(r -> r.qualification().equals(q) && r.from().equals(from) && r.to().equals(to))
                    .filter(r -> r.appliesTo() == null || r.appliesTo().isEmpty() || resultOccupations.isEmpty()
                            || r.appliesTo().stream().anyMatch(resultOccupations::contains))
                    .findFirst().orElse(null);
            if (rule != null) {
                out.add(new Verdict(q, from, to, rule.status(), STATUS_FR.get(rule.status()), rule.route(), rule.sources()));
            } else {
                out.add(new Verdict(q, from, to, "unknown", STATUS_FR.get("unknown"),
                        "Aucune règle sourcée pour " + q + " de " + from + " vers " + to + " pour ce métier : à vérifier auprès de l'autorité compétente.", List.of()));
            }
        }
        return out;
    }
}
