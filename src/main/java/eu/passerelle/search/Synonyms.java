package eu.passerelle.search;

import eu.passerelle.model.Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sector's curated synonyms (acronyms, former names, everyday words), each group with its source.
 * File format: one group per line, variants separated by commas; a "# source: ..." comment line applies
 * to the groups that follow it. Matching is on folded whole words, so "cap" alone never fires the
 * "cap aepe" group and acronyms do not collide with common words.
 */
public final class Synonyms {
    public record Group(List<String> variants, String source) {
    }

    public record Match(String matched, Group group) {
    }

    private final List<Group> groups;
    /** Each group's variants folded once, in the same order: folding (Unicode normalisation and two regexes) per
     * variant per search cost ~0.3 ms of CPU, the largest part of resolving a query's words. */
    private final List<String[]> folded;

    public Synonyms(List<Group> groups) {
        this.groups = List.copyOf(groups);
        this.folded = this.groups.stream().map(g -> g.variants().stream().map(Text::fold).toArray(String[]::new)).toList();
    }

    public static Synonyms load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new Synonyms(List.of());
        }
        List<Group> groups = new ArrayList<>();
        String source = "";
        for (String line : Files.readAllLines(file)) {
            String l = line.strip();
            if (l.startsWith("# source:")) {
                source = l.substring("# source:".length()).strip();
            } else if (!l.isEmpty() && !l.startsWith("#")) {
                List<String> variants = Arrays.stream(l.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
                if (variants.size() > 1) {
                    groups.add(new Group(variants, source));
                }
            }
        }
        return new Synonyms(groups);
    }

    public List<Group> groups() {
        return groups;
    }

    /** The groups one of whose variants occurs in the text as whole words, longest variant first. */
    public List<Match> find(String text) {
        String folded = " " + Text.fold(text) + " ";
        List<Match> out = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            String[] fvs = this.folded.get(i);
            String best = null;
            int bestLength = 0;
            for (int j = 0; j < fvs.length; j++) {
                String fv = fvs[j];
                if (!fv.isEmpty() && fv.length() > bestLength && folded.contains(" " + fv + " ")) {
                    best = g.variants().get(j);
                    bestLength = fv.length();
                }
            }
            if (best != null) {
                out.add(new Match(best, g));
            }
        }
        return out;
    }
}
