package eu.passerelle.search;

import eu.passerelle.geo.Gazetteer;
import eu.passerelle.index.Analysis;
import eu.passerelle.index.Fields;
import eu.passerelle.index.SearchIndex;
import eu.passerelle.model.Place;
import eu.passerelle.model.RecordType;
import eu.passerelle.model.Text;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Typeahead over occupation, skill, training and posting labels, and place names. Every typed word must
 * start a word of a label, in any order ("loisirs anim" finds "Animateur d'accueil de loisirs"); the
 * label shown is the one of the record's labels that matched, so "AESH" shows the AESH job title rather
 * than the fiche's preferred name. When nothing starts that way, words within one typo are tried. In Dutch
 * ({@code lang=nl}) records with a Dutch label come first and show it; in English, ESCO skills show theirs;
 * each suggestion says the language of its label.
 */
public final class SuggestService {
    public static final Set<String> TYPES = Set.of("occupation", "skill", "training", "posting", "place");
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 20;

    private final SearchIndex index;
    private final Gazetteer gazetteer;

    public SuggestService(SearchIndex index, Gazetteer gazetteer) {
        this.index = index;
        this.gazetteer = gazetteer;
    }

    /** @param labelLang the language of {@code label} (fr, nl, en); absent for places, whose names are their own */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Suggestion(String type, String id, String label, String labelLang) {
        public Suggestion(String type, String id, String label) {
            this(type, id, label, null);
        }
    }

    public List<Suggestion> suggest(String q, Set<String> types, int limit) {
        return suggest(q, types, limit, Vocabulary.DEFAULT_LANG);
    }

    public List<Suggestion> suggest(String q, Set<String> types, int limit, String lang) {
        List<String> words = Analysis.tokens(Fields.SUGGEST, q);
        if (words.isEmpty()) {
            return List.of();
        }
        Set<String> recordTypes = types.stream().filter(t -> !t.equals("place")).collect(Collectors.toSet());
        boolean places = types.isEmpty() || types.contains("place");
        boolean records = types.isEmpty() || !recordTypes.isEmpty();
        List<Suggestion> out = new ArrayList<>();
        if (records) {
            out.addAll(records(words, recordTypes, limit, false, lang));
            if (out.isEmpty() && q.strip().length() >= 4) {
                out.addAll(records(words, recordTypes, limit, true, lang));
            }
        }
        if (places) {
            int room = Math.max(types.equals(Set.of("place")) ? limit : Math.min(3, limit), limit - out.size());
            for (Place p : gazetteer.complete(q, room)) {
                out.add(new Suggestion("place", "place:" + p.country() + ":" + Text.slug(p.name()), p.name() + " (" + p.country() + ")"));
            }
        }
        return out.subList(0, Math.min(limit, out.size()));
    }

    private List<Suggestion> records(List<String> words, Set<String> types, int limit, boolean fuzzy, String lang) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String w : words) {
            // The typeahead field holds unstemmed folded words (and their prefixes), so one edit is one typo.
            Query q = fuzzy && w.length() >= 4 ? new FuzzyQuery(new Term(Fields.SUGGEST, w), 1, 1) : new TermQuery(new Term(Fields.SUGGEST, w));
            b.add(q, Occur.MUST);
        }
        if (!types.isEmpty()) {
            b.add(new TermInSetQuery(Fields.TYPE, types.stream().sorted().map(BytesRef::new).toList()), Occur.FILTER);
        }
        b.add(new BoostQuery(FeatureField.newSaturationQuery(Fields.FEATURES, Fields.PRIOR, 1f, 0.5f), 1f), Occur.SHOULD);
        if ("nl".equals(lang)) {
            // A Dutch reader is better served by a record that has a Dutch name.
            b.add(new BoostQuery(new org.apache.lucene.search.FieldExistsQuery(Fields.TITLE_NL), 1f), Occur.SHOULD);
        }
        Query query = b.build();
        return index.search(searcher -> {
            ScoreDoc[] hits = searcher.search(query, limit * 3).scoreDocs;
            return pick(searcher, hits, words, limit, fuzzy, lang);
        });
    }

    private static List<Suggestion> pick(IndexSearcher searcher, ScoreDoc[] hits, List<String> words, int limit, boolean fuzzy, String lang) throws java.io.IOException {
        StoredFields stored = searcher.storedFields();
        record Candidate(Suggestion s, float score, int rank) {
        }
        List<Candidate> candidates = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < hits.length; i++) {
            Document d = stored.document(hits[i].doc, Set.of(Fields.ID, Fields.TITLE, Fields.LABELS, Fields.SOURCE, Fields.TITLE_NL));
            String id = d.get(Fields.ID);
            String title = d.get(Fields.TITLE);
            String label = title;
            if (!fuzzy && !matchesAll(title, words)) {
                for (IndexableField f : d.getFields(Fields.LABELS)) {
                    if (matchesAll(f.stringValue(), words)) {
                        label = f.stringValue();
                        break;
                    }
                }
            }
            String type = typeOf(d.get(Fields.SOURCE));
            String labelLang = null;
            if (type.equals("occupation") || type.equals("skill")) {
                labelLang = "fr";
                String titleNl = d.get(Fields.TITLE_NL);
                String titleEn = "en".equals(lang) ? englishTitle(d.get(Fields.SOURCE)) : null;
                if ("nl".equals(lang) && titleNl != null && !titleNl.isBlank()) {
                    label = titleNl;
                    labelLang = "nl";
                } else if (titleEn != null && !titleEn.isBlank()) {
                    label = titleEn;
                    labelLang = "en";
                }
            }
            if (seen.add(type + "|" + Text.fold(label))) {
                candidates.add(new Candidate(new Suggestion(type, id, label, labelLang), hits[i].score, i));
            }
        }
        // Shorter labels first among equally good ones: "Animateur" before "Animateur de club de vacances".
        candidates.sort(Comparator.comparingDouble((Candidate c) -> -Math.round(c.score() * 4) / 4.0)
                .thenComparingInt(c -> c.s().label().length()).thenComparingInt(Candidate::rank));
        return candidates.stream().limit(limit).map(Candidate::s).toList();
    }

    private static String englishTitle(String source) {
        try {
            com.fasterxml.jackson.databind.JsonNode en = eu.passerelle.model.Json.MAPPER.readTree(source).get("titleEn");
            return en == null ? null : en.asText();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String typeOf(String source) {
        int i = source.indexOf("\"type\":\"");
        int end = source.indexOf('"', i + 8);
        String t = source.substring(i + 8, end);
        return RecordType.fromWire(t).map(RecordType::wireName).orElse(t);
    }

    /** Every typed word starts a word of the label (folded). */
    static boolean matchesAll(String label, List<String> words) {
        String folded = " " + Text.fold(label) + " ";
        for (String w : words) {
            if (!folded.contains(" " + w)) {
                return false;
            }
        }
        return true;
    }
}
