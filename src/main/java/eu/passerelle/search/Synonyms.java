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

    public Synonyms(List<Group> groups) {
        this.groups = List.copyOf(groups);
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
        for (Group g : groups) {
            String best = null;
            for (String v : g.variants()) {
                String fv = Text.fold(v);
                if (!fv.isEmpty() && folded.contains(" " + fv + " ") && (best == null || fv.length() > Text.fold(best).length())) {
                    best = v;
                }
            }
            if (best != null) {
                out.add(new Match(best, g));
            }
        }
        return out;
    }
}
