package eu.passerelle.eval;

import eu.passerelle.Passerelle;
import eu.passerelle.match.ProfileInput;
import eu.passerelle.model.Json;
import eu.passerelle.model.Posting;
import eu.passerelle.model.RecordType;
import eu.passerelle.search.SearchRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs the match judgments (profile → graded results per target) through the engine and through a baseline
 * that searches the profile's words with plain BM25 over the same documents and type. Postings are graded
 * by their ROME fiche ("occ:rome:G1203=3"), since demo postings are generated.
 */
public final class MatchEvaluation {
    /** @param mustNot ids that must not reach the first page (written "!id" in the judgments column) */
    public record Case(String id, String group, RecordType target, ProfileInput profile, Map<String, Integer> grades, Set<String> mustNot) {
    }

    /** A result that must not be on the first page and is, at this 1-based rank. */
    public record Violation(String caseId, String target, String id, int rank) {
    }

    private final Passerelle passerelle;

    public MatchEvaluation(Passerelle passerelle) {
        this.passerelle = passerelle;
    }

    public static List<Case> read(Path file) throws IOException {
        List<Case> cases = new ArrayList<>();
        for (Judgments.Row row : Judgments.rows(file, 5)) {
            String[] f = row.cells();
            // "!id" marks an absurd answer (it shares nothing but a word with the profile): never on the first page.
            Set<String> mustNot = new LinkedHashSet<>();
            List<String> graded = new ArrayList<>();
            for (String g : f[4].trim().split("\\s+")) {
                if (g.startsWith("!")) {
                    mustNot.add(g.substring(1));
                } else {
                    graded.add(g);
                }
            }
            cases.add(new Case(f[0], f[1], RecordType.fromWire(f[2]).orElseThrow(() -> new IOException(row.where() + ": unknown target " + f[2])),
                    Json.MAPPER.readValue(f[3], ProfileInput.class), Judgments.grades(String.join(" ", graded), row.where()), Set.copyOf(mustNot)));
        }
        return cases;
    }

    public List<SearchEvaluation.QueryResult> runEngine(List<Case> cases) {
        List<SearchEvaluation.QueryResult> out = new ArrayList<>();
        for (Case c : cases) {
            @SuppressWarnings("unchecked")
            Map<String, List<Map<String, Object>>> results = (Map<String, List<Map<String, Object>>>) passerelle.match()
                    .match(c.profile(), Set.of(c.target()), Metrics.K, false).get("results");
            List<String> ranked = results.get(c.target().wireName()).stream().map(i -> (String) i.get("id")).toList();
            out.add(result(c, ranked));
        }
        return out;
    }

    /**
     * Thread CPU time per uncached match over the judged profiles (answers recomputed; the searches inside may be
     * cached, as in service), after one warm-up round: the cost that decides match latency under load.
     */
    public double cpuMillisPerMatch(List<Case> cases, int rounds) {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (Case c : cases) {
            passerelle.match().match(c.profile(), Set.of(c.target()), Metrics.K, false);
        }
        long start = cpu.getCurrentThreadCpuTime();
        for (int r = 0; r < rounds; r++) {
            for (Case c : cases) {
                passerelle.match().match(c.profile(), Set.of(c.target()), Metrics.K, false);
            }
        }
        return (cpu.getCurrentThreadCpuTime() - start) / 1e6 / (rounds * (double) cases.size());
    }

    /**
     * The must-not-appear results found on the first page of the engine's answers. An occupation of another
     * referential bridged to a forbidden ROME fiche (as grades are carried, confidence >= 0.6) is forbidden too.
     */
    public List<Violation> violations(List<Case> cases, List<SearchEvaluation.QueryResult> results) {
        List<Violation> out = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            if (c.mustNot().isEmpty()) {
                continue;
            }
            List<String> ranked = results.get(i).ranked();
            for (int r = 0; r < Math.min(Metrics.K, ranked.size()); r++) {
                String id = ranked.get(r);
                // The same occupation under another code is as wrong; a close one is not (Compétent's school-age
                // childcare profile is officially "close" to ESCO's school-bus escort, and a fair answer to kinderbegeleider).
                boolean forbidden = c.mustNot().contains(id) || c.target() == RecordType.OCCUPATION
                        && passerelle.graph().bridges(id).stream().anyMatch(b -> b.confidence() >= 0.6 && "exact".equals(b.kind()) && c.mustNot().contains(b.toId()));
                if (forbidden) {
                    out.add(new Violation(c.id(), c.target().wireName(), id, r + 1));
                }
            }
        }
        return out;
    }

    public List<SearchEvaluation.QueryResult> runBaseline(List<Case> cases) {
        List<SearchEvaluation.QueryResult> out = new ArrayList<>();
        for (Case c : cases) {
            ProfileInput p = c.profile();
            String words = String.join(" ", Stream.of(List.of(p.text() == null ? "" : p.text()), p.occupations(), p.skills(), p.qualifications())
                    .flatMap(List::stream).toList()).strip();
            SearchRequest r = SearchRequest.of(words, c.target(), Metrics.K);
            out.add(result(c, passerelle.search().baselineIds(r, Metrics.K)));
        }
        return out;
    }

    /** Postings are graded through their fiche; the judged "ids" become the grades of what was ranked. */
    private SearchEvaluation.QueryResult result(Case c, List<String> ranked) {
        Map<String, Integer> grades = c.grades();
        if (c.target() == RecordType.OCCUPATION) {
            // An equivalent occupation of another referential is as right as the judged ROME fiche.
            grades = new LinkedHashMap<>(c.grades());
            for (String id : ranked) {
                if (!grades.containsKey(id)) {
                    int g = passerelle.graph().bridges(id).stream().filter(b -> b.confidence() >= 0.6)
                            .mapToInt(b -> c.grades().getOrDefault(b.toId(), 0)).max().orElse(0);
                    if (g > 0) {
                        grades.put(id, g);
                    }
                }
            }
        } else if (c.target() == RecordType.POSTING) {
            grades = new LinkedHashMap<>();
            for (String id : ranked) {
                Posting p = passerelle.store().records().find(RecordType.POSTING, id, Posting.class).orElse(null);
                int g = p == null ? 0 : p.occupations().stream().mapToInt(o -> c.grades().getOrDefault("occ:" + o, 0)).max().orElse(0);
                if (g > 0) {
                    grades.put(id, g);
                }
            }
            // The ideal list: as many posts of the best judged fiche as fit (there are always enough demo posts).
            int best = c.grades().values().stream().mapToInt(Integer::intValue).max().orElse(0);
            for (int i = 0; i < Metrics.K; i++) {
                grades.putIfAbsent("ideal-" + i, best);
            }
        }
        Judgments.Case asCase = new Judgments.Case(c.id(), c.target().wireName(), Map.of(), c.group(), grades);
        return new SearchEvaluation.QueryResult(asCase, ranked, Metrics.ndcg(ranked, grades, Metrics.K));
    }
}
