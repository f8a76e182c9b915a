package eu.passerelle.match;

import eu.passerelle.index.Analysis;
import eu.passerelle.model.RecordType;
import eu.passerelle.model.Training;
import eu.passerelle.search.SearchRequest;
import eu.passerelle.search.Hit;
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
    /** @param basis why the training leads there, as a reason: stated by its record, inferred from its title, or through a certification */
    public record Link(String trainingId, String occupationId, double confidence, Reason basis) {
    }

    static final double MIN_INFERRED = 0.5;
    private final SearchService search;
    private final Store store;
    /**
     * Links found so far, valid for one searcher version: a training written through the API (naming its
     * occupations, or with a certification title) changes them, so a refresh that shows a write starts anew.
     */
    private record Memo(long searcherVersion, Map<String, List<Link>> byCertification, Map<String, List<Link>> byOccupation,
                        Map<String, List<Hit>> courses) {
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
                out.add(new Link(cert.get().id(), occ, 1.0, Reason.of("link.stated")));
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
        List<Hit> items = search.search(SearchRequest.of(title, RecordType.OCCUPATION, 3).inSchemes(Set.of("rome"))).items();
        if (items.isEmpty()) {
            return Optional.empty();
        }
        double first = items.get(0).score();
        double second = items.size() > 1 ? items.get(1).score() : 0;
        String label = items.get(0).matchedLabel();
        double confidence = label != null && Analysis.labelKey(label).equals(Analysis.labelKey(title)) ? 0.95 : 0.9 * (1 - 0.5 * second / first);
        if (confidence < MIN_INFERRED) {
            return Optional.empty();
        }
        return Optional.of(new Link(t.id(), items.get(0).id(), Math.round(confidence * 100) / 100.0,
                Reason.of("link.inferred", "title", t.title(), "occupation", items.get(0).title())));
    }

    /** Trainings leading to an occupation: those stating it, then certifications whose title infers it. */
    public List<Link> trainingsFor(String occupationId, String occupationTitle) {
        return memo().byOccupation().computeIfAbsent(occupationId, id -> {
            Map<String, Link> out = new java.util.LinkedHashMap<>();
            for (Hit item : search.linkedTo(RecordType.TRAINING, Set.of(id), null, null, Set.of(), 20)) {
                String tid = item.id();
                out.put(tid, new Link(tid, id, 1.0, Reason.of("link.stated")));
            }
            String words = occupationTitle.replace(" / ", " ");
            for (Hit item : search.search(SearchRequest.of(words, RecordType.TRAINING, 10)).items()) {
                String tid = item.id();
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
                    for (Hit course : coursesFor(code)) {
                        out.putIfAbsent(course.id(), new Link(course.id(), id, l.confidence(), Reason.of("link.certification", "certification", code, "then", l.basis())));
                    }
                }
            }
            return List.copyOf(out.values());
        });
    }

    private List<Hit> coursesFor(String code) {
        return memo().courses().computeIfAbsent(code, c -> {
            return search.search(SearchRequest.of(c, RecordType.TRAINING, 10)).items().stream().filter(i -> !i.id().startsWith("rncp:"))
                    .filter(i -> i.field("certifications") instanceof List<?> l && l.contains(c)).toList();
        });
    }
}
