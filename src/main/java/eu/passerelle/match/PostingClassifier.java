package eu.passerelle.match;

import eu.passerelle.index.DocumentMapper;
import eu.passerelle.model.Classification;
import eu.passerelle.model.Posting;
import eu.passerelle.model.RecordType;
import eu.passerelle.search.SearchService;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Places a post whose feed gave no ROME code under a ROME fiche, so that matching (which links posts to
 * people through occupations) can find it. The feed's own occupation words are read first (Le Forem's
 * métier, a JobPosting's written-out occupationalCategory), then the title. The classification is kept
 * on the post with the words read, the method and a confidence, and shown wherever the post is.
 */
public final class PostingClassifier {
    /** Gender marks and the like carry no occupation: "(H/F)", "(m/f/x)", "H/F", "M/V/X". */
    private static final Pattern MARKS = Pattern.compile("(?i)\\(\\s*[hfmvx](\\s*/\\s*[hfmvx]){1,2}\\s*\\)|\\b[hfmvx](/[hfmvx]){1,2}\\b");
    /** Below this the engine's answer is a guess; the post stays unclassified rather than misplaced. */
    static final double MIN_CONFIDENCE = 0.6;
    /** The title is read with less trust than the feed's occupation words: it also names places, hours... */
    static final double TITLE_DISCOUNT = 0.9;
    /** Words all found in one fiche's label (a shortened label): fewer than three words are too vague for that. */
    static final int MIN_WORDS_WITHIN = 3;
    static final double WITHIN_LABEL = 0.7;
    /** Posts are matched to people through ROME fiches only. */
    private static final Set<String> ROME = Set.of("rome");

    private final SearchService search;
    private final ProfileResolver resolver;

    public PostingClassifier(SearchService search, ProfileResolver resolver) {
        this.search = search;
        this.resolver = resolver;
    }

    /** The post as it should be stored: unchanged when it has occupation codes or nothing can be read. */
    public Posting classify(Posting p) {
        if (!p.occupations().isEmpty()) {
            return p;
        }
        Optional<Classification> c = read(p.occupationText(), "occupation", 1.0);
        if (c.isEmpty()) {
            c = read(p.title(), "title", TITLE_DISCOUNT);
        }
        return c.map(p::classified).orElse(p);
    }

    Optional<Classification> read(String text, String from, double trust) {
        String words = MARKS.matcher(text == null ? "" : text).replaceAll(" ").replaceAll("\\s+", " ").strip();
        if (words.isEmpty()) {
            return Optional.empty();
        }
        // A fiche's title or appellation written out in the words, longest first: "Animateur périscolaire
        // pour l'accueil du mercredi" contains an appellation of G1203.
        List<SearchService.ContainedLabel> labels = search.containedLabels(words, RecordType.OCCUPATION, ROME, 1, 20);
        if (!labels.isEmpty()) {
            SearchService.ContainedLabel best = labels.get(0);
            boolean exact = DocumentMapper.labelKey(best.label()).equals(DocumentMapper.labelKey(words));
            boolean tied = labels.size() > 1 && labels.get(1).words() == best.words() && !labels.get(1).id().equals(best.id());
            double confidence = (exact ? 1.0 : tied ? 0.75 : 0.9) * trust;
            if (confidence >= MIN_CONFIDENCE) {
                return Optional.of(new Classification(best.id(), best.title(), from, words, exact ? "exact label" : "label in words", round(confidence)));
            }
        }
        ResolvedProfile.Resolution r = resolver.romeOccupation(words);
        double searched = r.id() == null ? 0 : r.confidence() * trust;
        // The words are a shortened label: every one of them is in a single fiche's label, and in no other fiche's.
        List<SearchService.ContainedLabel> within = search.labelsWithAllWords(words, RecordType.OCCUPATION, ROME, MIN_WORDS_WITHIN, 20);
        if (!within.isEmpty() && within.stream().map(SearchService.ContainedLabel::id).distinct().count() == 1
                && !(within.get(0).id().equals(r.id()) && searched > WITHIN_LABEL * trust)) {
            SearchService.ContainedLabel best = within.get(0);
            double confidence = WITHIN_LABEL * trust;
            if (confidence >= MIN_CONFIDENCE) {
                return Optional.of(new Classification(best.id(), best.title(), from, words, "words in label", round(confidence)));
            }
        }
        if (r.id() == null || searched < MIN_CONFIDENCE) {
            return Optional.empty();
        }
        return Optional.of(new Classification(r.id(), r.label(), from, words, r.via(), round(searched)));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
