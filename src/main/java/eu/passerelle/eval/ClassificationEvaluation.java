package eu.passerelle.eval;

import eu.passerelle.match.PostingClassifier;
import eu.passerelle.model.Posting;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How well posts without a ROME code are placed under a fiche: per kind of words (the feed's occupation
 * words, the title, words that name no occupation), the share placed right (accuracy), the share placed at
 * all (coverage) and the share of placed posts that are right (precision). A wrong fiche costs more than
 * none: a misplaced post is shown to the wrong people with a confident reason.
 */
public final class ClassificationEvaluation {
    /** One graded case; an empty {@code expected} means the words name no occupation. */
    public record Case(String id, String from, String words, Set<String> expected) {
    }

    /** What the classifier made of a case. */
    public record Outcome(Case c, String got, double confidence, String via) {
        boolean correct() {
            return c.expected().isEmpty() ? got == null : got != null && c.expected().contains(got);
        }
    }

    public record Row(String group, int cases, double accuracy, double coverage, double precision) {
        String format() {
            return String.format(Locale.ROOT, "%-10s %3d  %.4f  %.4f  %.4f", group, cases, accuracy, coverage, precision);
        }
    }

    private final PostingClassifier classifier;

    public ClassificationEvaluation(PostingClassifier classifier) {
        this.classifier = classifier;
    }

    public static List<Case> read(Path file) throws IOException {
        return Judgments.rows(file, 4).stream().map(Judgments.Row::cells).map(f -> new Case(f[0], f[1], f[2],
                f[3].equals("none") ? Set.of() : Set.copyOf(Arrays.asList(f[3].split("\\|"))))).toList();
    }

    /** Each case goes through the classifier as a post would: its words as the title or as the feed's occupation words. */
    public List<Outcome> run(List<Case> cases) {
        List<Outcome> out = new ArrayList<>();
        for (Case c : cases) {
            boolean title = c.from().equals("title");
            Posting p = classifier.classify(new Posting("posting:eval-" + c.id(), "eval", c.id(), title ? c.words() : "Offre", "", "", "", "",
                    null, "", List.of(), List.of(), "", "", "", null, title ? "" : c.words(), null));
            var k = p.classification();
            out.add(new Outcome(c, k == null ? null : k.occupation(), k == null ? 0 : k.confidence(), k == null ? "" : k.via()));
        }
        return out;
    }

    /** One row per kind of words (occupation, title, none) and "all". */
    public static List<Row> summarise(List<Outcome> outcomes) {
        Map<String, List<Outcome>> groups = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            groups.computeIfAbsent(o.c().expected().isEmpty() ? "none" : o.c().from(), g -> new ArrayList<>()).add(o);
        }
        groups.put("all", outcomes);
        List<Row> rows = new ArrayList<>();
        groups.forEach((g, list) -> {
            long placed = list.stream().filter(o -> o.got() != null).count();
            long correct = list.stream().filter(Outcome::correct).count();
            long placedRight = list.stream().filter(o -> o.got() != null && o.correct()).count();
            rows.add(new Row(g, list.size(), (double) correct / list.size(), (double) placed / list.size(),
                    placed == 0 ? 1.0 : (double) placedRight / placed));
        });
        return rows;
    }
}
