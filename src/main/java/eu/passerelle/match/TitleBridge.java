package eu.passerelle.match;

import eu.passerelle.model.RecordType;
import eu.passerelle.search.Hit;
import eu.passerelle.search.SearchRequest;
import eu.passerelle.search.SearchService;
import eu.passerelle.store.BridgeStore.CrosswalkMapping;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The computed bridge for one job title no crosswalk maps (a new ROME appellation, a Compétent profile not yet
 * mapped, a feed title): ranks ESCO occupations by three kinds of evidence, each normalised to [0, 1]:
 * <ul>
 *   <li>the engine's search for the title among ESCO occupations, in the title's language;</li>
 *   <li>the official mappings of the title's own ROME fiche (the other appellations of the fiche);</li>
 *   <li>the official mappings of the occupations the title finds in the other referentials (the ROME fiches
 *       and Compétent profiles the search finds for it), weighted by how well the search found them.</li>
 * </ul>
 * The official mappings it learns from are given to it, so the evaluation can hide the ones it scores.
 */
public final class TitleBridge {
    static final int SEARCHED = 20;
    /** Weights of the three kinds of evidence (tuned on the cross-validation folds of scripts/eval). */
    static final double DIRECT = 1.0;
    /** 1.2 → 2.0: ROME appellations MAP 0.688 → 0.734 on every 24th title; 3.0 gave 0.729. */
    static final double FICHE = 2.0;
    static final double NEIGHBOURS = 0.6;

    private final SearchService search;
    /** Official mappings known: occupation (ROME fiche, Compétent profile) → ESCO occupation → weight. */
    private final Map<String, Map<String, Double>> escoOf = new HashMap<>();

    public TitleBridge(SearchService search, Collection<CrosswalkMapping> known) {
        this.search = search;
        for (CrosswalkMapping m : known) {
            escoOf.computeIfAbsent(m.fromId(), k -> new HashMap<>()).merge(m.escoId(), OfficialLinks.weight(m.relation()), Double::sum);
        }
    }

    public record Candidate(String escoId, double score) {
    }

    /**
     * @param fiche   the ROME fiche the title belongs to, or null
     * @param exclude an occupation whose own mappings must not be used (the profile being bridged), or null
     */
    public List<Candidate> rank(String title, String lang, String fiche, String exclude, int limit) {
        Map<String, Double> score = new HashMap<>();
        addNormalised(score, searched(title, lang, "esco"), DIRECT);
        if (fiche != null) {
            addNormalised(score, escoOf.getOrDefault(fiche, Map.of()), FICHE);
        }
        Map<String, Double> neighbours = new HashMap<>();
        for (String scheme : "nl".equals(lang) ? List.of("competent") : List.of("rome", "competent")) {
            Map<String, Double> found = searched(title, lang, scheme);
            double top = found.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
            found.forEach((occupation, s) -> {
                if (occupation.equals(exclude) || occupation.equals(fiche)) {
                    return;
                }
                Map<String, Double> mapped = escoOf.getOrDefault(occupation, Map.of());
                double total = mapped.values().stream().mapToDouble(Double::doubleValue).sum();
                mapped.forEach((esco, w) -> neighbours.merge(esco, s / top * w / total, Double::sum));
            });
        }
        addNormalised(score, neighbours, NEIGHBOURS);
        List<Candidate> out = new ArrayList<>();
        score.forEach((id, s) -> out.add(new Candidate(id, s)));
        out.sort((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score()) : a.escoId().compareTo(b.escoId()));
        return out.subList(0, Math.min(limit, out.size()));
    }

    private Map<String, Double> searched(String title, String lang, String scheme) {
        SearchRequest r = new SearchRequest(title, Set.of(RecordType.OCCUPATION), Set.of(scheme), Set.of(), Set.of(), Set.of(), Set.of(),
                null, null, lang, null, true, SEARCHED, 0);
        Map<String, Double> out = new HashMap<>();
        for (Hit hit : search.search(r, false).items()) {
            out.merge(hit.id(), hit.score() == null ? 0.0 : hit.score().doubleValue(), Math::max);
        }
        return out;
    }

    private static void addNormalised(Map<String, Double> score, Map<String, Double> evidence, double weight) {
        double top = evidence.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        if (top <= 0) {
            return;
        }
        evidence.forEach((id, s) -> score.merge(id, weight * s / top, Double::sum));
    }
}
