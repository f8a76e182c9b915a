package eu.passerelle.match;

import eu.passerelle.index.DocumentMapper;
import eu.passerelle.model.RecordType;
import eu.passerelle.model.Training;
import eu.passerelle.search.SearchRequest;
import eu.passerelle.search.SearchService;
import eu.passerelle.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which trainings lead to which occupations. Two sources, each kept on the link:
 * <ul>
 *   <li>stated: a curated record names its target ROME fiches (from its seed article);</li>
 *   <li>inferred: a certification's title found among ROME titles and appellations by the engine's own
 *       search (e.g. "Diplôme d'Etat d'auxiliaire de puériculture" → J1304), with the search's confidence.</li>
 * </ul>
 */
public final class TrainingLinks {
    /** @param source "stated by …" or "inferred from the title" */
    public record Link(String trainingId, String occupationId, double confidence, String source) {
    }

    static final double MIN_INFERRED = 0.5;
    private final SearchService search;
    private final Store store;
    /**
     * Links found so far, valid for one searcher version: a training written through the API (naming its
     * occupations, or with a certification title) changes them, so a refresh that shows a write starts anew.
     */
    private record Memo(long searcherVersion, Map<String, List<Link>> byCertification, Map<String, List<Link>> byOccupation,
                        Map<String, List<Map<String, Object>>> courses) {
        Memo(long version) {
            this(version, new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }
    }

    private volatile Memo memo = new Memo(-1);

    public TrainingLinks(SearchService search, Store store) {
        this.search = search;
        this.store = store;
    }

    /** The links of the searcher answering now (created after reading its version, so never filled from an older one). */
    private Memo memo() {
        long version = search.searcherVersion();
        Memo m = memo;
        if (m.searcherVersion() != version) {
            m = new Memo(version);
            memo = m;
        }
        return m;
    }

    public Optional<String> certificationTitle(String code) {
        return store.records().find(RecordType.TRAINING, "rncp:" + code, Training.class).map(Training::title);
    }

    public Optional<String> certificationOf(String trainingId) {
        return store.records().find(RecordType.TRAINING, trainingId, Training.class).flatMap(t -> t.certifications().stream().findFirst());
    }

    /** The ROME fiches a certification leads to: stated by curated courses, else inferred from its title. */
    public List<Link> occupationsOfCertification(String code) {
        return memo().byCertification().computeIfAbsent(code, c -> {
            List<Link> out = new ArrayList<>();
            Optional<Training> cert = store.records().find(RecordType.TRAINING, "rncp:" + c, Training.class);
            if (cert.isEmpty()) {
                return out;
            }
            for (String occ : cert.get().occupations()) {
                out.add(new Link(cert.get().id(), occ, 1.0, "stated by " + cert.get().provenance().reference()));
            }
            if (out.isEmpty()) {
                inferOccupation(cert.get()).ifPresent(out::add);
            }
            return out;
        });
    }

    private Optional<Link> inferOccupation(Training t) {
        String title = t.title().replaceAll("(?i)^(CAP|BEP|bac pro|BTS|BP|DUT|BUT|CPJEPS|BPJEPS|DEJEPS|DESJEPS|DEUST|licence pro(fessionnelle)?|dipl[ôo]me d'[ée]tat( d[e'])?)\\s*", "")
                .replaceAll("(?i)^mention\\s+", "");
        SearchRequest r = new SearchRequest(title, Set.of(RecordType.OCCUPATION), Set.of("rome"), Set.of(), Set.of(), Set.of(), Set.of(), null, null, "fr", null, true, 3, 0);
        List<Map<String, Object>> items = search.search(r).items();
        if (items.isEmpty()) {
            return Optional.empty();
        }
        double first = ((Number) items.get(0).get("score")).doubleValue();
        double second = items.size() > 1 ? ((Number) items.get(1).get("score")).doubleValue() : 0;
        String label = String.valueOf(items.get(0).getOrDefault("highlight", "")).replaceAll("</?b>", "");
        double confidence = DocumentMapper.labelKey(label).equals(DocumentMapper.labelKey(title)) ? 0.95 : 0.9 * (1 - 0.5 * second / first);
        if (confidence < MIN_INFERRED) {
            return Optional.empty();
        }
        return Optional.of(new Link(t.id(), (String) items.get(0).get("id"), Math.round(confidence * 100) / 100.0,
                "inferred from the title « " + t.title() + " » (ROME « " + items.get(0).get("title") + " »)"));
    }

    /** Trainings leading to an occupation: those stating it, then certifications whose title infers it. */
    public List<Link> trainingsFor(String occupationId, String occupationTitle) {
        return memo().byOccupation().computeIfAbsent(occupationId, id -> {
            Map<String, Link> out = new java.util.LinkedHashMap<>();
            for (Map<String, Object> item : search.linkedTo(RecordType.TRAINING, Set.of(id), null, null, Set.of(), 20)) {
                String tid = (String) item.get("id");
                out.put(tid, new Link(tid, id, 1.0, "stated by the training's record"));
            }
            String words = occupationTitle.replace(" / ", " ");
            SearchRequest r = new SearchRequest(words, Set.of(RecordType.TRAINING), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null, null, "fr", null, true, 10, 0);
            for (Map<String, Object> item : search.search(r).items()) {
                String tid = (String) item.get("id");
                if (out.containsKey(tid) || !tid.startsWith("rncp:")) {
                    continue;
                }
                for (Link l : occupationsOfCertification(tid.substring(5))) {
                    if (l.occupationId().equals(id)) {
                        out.put(tid, l);
                    }
                }
            }
            // Courses leading to a certification that leads here (e.g. the seed's CPJEPS session).
            for (Link l : new ArrayList<>(out.values())) {
                if (l.trainingId().startsWith("rncp:")) {
                    String code = l.trainingId().substring(5);
                    for (Map<String, Object> course : coursesFor(code)) {
                        out.putIfAbsent((String) course.get("id"), new Link((String) course.get("id"), id, l.confidence(), "leads to " + code + "; " + l.source()));
                    }
                }
            }
            return List.copyOf(out.values());
        });
    }

    private List<Map<String, Object>> coursesFor(String code) {
        return memo().courses().computeIfAbsent(code, c -> {
            SearchRequest r = new SearchRequest(c, Set.of(RecordType.TRAINING), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null, null, "fr", null, true, 10, 0);
            return search.search(r).items().stream().filter(i -> !((String) i.get("id")).startsWith("rncp:"))
                    .filter(i -> i.get("certifications") instanceof List<?> l && l.contains(c)).toList();
        });
    }
}
