package eu.passerelle.index;

import eu.passerelle.model.Json;
import eu.passerelle.model.Occupation;
import eu.passerelle.model.PlaceRef;
import eu.passerelle.model.Posting;
import eu.passerelle.model.Provider;
import eu.passerelle.model.RecordType;
import eu.passerelle.model.Skill;
import eu.passerelle.model.Text;
import eu.passerelle.model.Training;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;

/** The one place where a record becomes a Lucene document, and where its search Item payload is built. */
public final class DocumentMapper {
    /**
     * The searchable-everything field keeps offsets in its postings, so highlighting reads them instead of
     * re-analysing the stored text (measured: 3–7 ms of a 4–9 ms search went to re-analysis).
     */
    static final FieldType ALL_TYPE = new FieldType(TextField.TYPE_STORED);

    /**
     * Alternative labels are alternatives, not prose: a fiche with 25 appellations must not score lower on
     * each of them than a fiche with one. Without norms, BM25 does not normalise their length.
     */
    static final FieldType LABELS_TYPE = new FieldType(TextField.TYPE_STORED);

    static {
        ALL_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        ALL_TYPE.freeze();
        LABELS_TYPE.setOmitNorms(true);
        LABELS_TYPE.freeze();
    }

    private DocumentMapper() {
    }

    public static Document occupation(Occupation o) {
        Map<String, Object> item = item(RecordType.OCCUPATION, o.id(), o.title());
        item.put("scheme", o.scheme());
        item.put("code", o.code());
        put(item, "uri", o.uri());
        put(item, "country", o.country());
        put(item, "titleNl", o.titleNl());
        put(item, "domain", o.domain());
        Document doc = base(RecordType.OCCUPATION, o.id(), o.scheme(), item, priorOf(o));
        keyword(doc, Fields.COUNTRY, o.country());
        text(doc, o.title(), o.labels(), o.definition(), o.access(), o.domain());
        nl(doc, o.titleNl(), o.labelsNl());
        return doc;
    }

    public static Document skill(Skill s) {
        Map<String, Object> item = item(RecordType.SKILL, s.id(), s.label());
        item.put("scheme", s.scheme());
        item.put("code", s.code());
        put(item, "uri", s.uri());
        put(item, "kind", s.kind());
        put(item, "titleNl", s.labelNl());
        put(item, "titleEn", s.labelEn().equals(s.label()) ? "" : s.labelEn());
        Document doc = base(RecordType.SKILL, s.id(), s.scheme(), item, 0.3f);
        // ESCO descriptions are English: indexing them under French analysis would only add noise.
        text(doc, s.label(), s.altLabels(), "esco".equals(s.scheme()) ? "" : s.description());
        nl(doc, s.labelNl(), List.of());
        return doc;
    }

    public static Document training(Training t) {
        Map<String, Object> item = item(RecordType.TRAINING, t.id(), t.title());
        String scheme = t.provenance() == null ? "feed" : t.provenance().source();
        item.put("scheme", scheme);
        put(item, "kind", t.kind());
        put(item, "certifications", t.certifications());
        put(item, "country", t.country());
        put(item, "level", t.level());
        put(item, "modality", t.modality());
        if (t.hours() != null) {
            item.put("hours", t.hours());
        }
        put(item, "providers", t.providers() == null ? List.of() : t.providers().stream().map(Provider::name).toList());
        put(item, "places", t.places());
        // What a person needs to act on a result without opening the record.
        put(item, "nextSession", t.nextSession());
        put(item, "url", t.url());
        boolean example = t.provenance() != null && t.provenance().example();
        if (example) {
            item.put("example", true);
        }
        Document doc = base(RecordType.TRAINING, t.id(), scheme, item, "seed".equals(scheme) ? 0.9f : 0.5f);
        Set<String> countries = new LinkedHashSet<>();
        if (!Text.isBlank(t.country())) {
            countries.add(t.country());
        }
        List<PlaceRef> places = t.places() == null ? List.of() : t.places();
        places.forEach(p -> countries.add(p.country()));
        countries.forEach(c -> keyword(doc, Fields.COUNTRY, c));
        keyword(doc, Fields.MODALITY, t.modality());
        keyword(doc, Fields.LEVEL, t.level());
        list(t.certifications()).forEach(c -> keyword(doc, Fields.CERTIFICATION, c));
        list(t.occupations()).forEach(c -> keyword(doc, Fields.OCCUPATION, c));
        places.forEach(p -> location(doc, p));
        List<String> labels = new ArrayList<>(list(t.certifications()));
        list(t.providers()).forEach(p -> labels.add(p.name()));
        places.forEach(p -> labels.add(p.name()));
        text(doc, t.title(), labels, t.description(), String.join(" ", list(t.domains())), t.audience(), t.levelLabel());
        return doc;
    }

    public static Document posting(Posting p) {
        Map<String, Object> item = item(RecordType.POSTING, p.id(), p.title());
        item.put("scheme", p.source());
        put(item, "employer", p.employer());
        put(item, "contract", p.contract());
        put(item, "workingTime", p.workingTime());
        put(item, "country", p.country());
        put(item, "occupations", p.occupations());
        put(item, "skills", p.skills());
        put(item, "postedAt", p.postedAt());
        put(item, "url", p.url());
        if (p.classification() != null) {
            item.put("classification", p.classification());
        }
        if (p.place() != null) {
            item.put("place", p.place().name());
            item.put("lat", p.place().lat());
            item.put("lon", p.place().lon());
        }
        boolean synthetic = p.provenance() != null && p.provenance().synthetic();
        if (synthetic) {
            item.put("synthetic", true);
        }
        Document doc = base(RecordType.POSTING, p.id(), p.source(), item, 0.5f);
        keyword(doc, Fields.COUNTRY, p.country());
        keyword(doc, Fields.CONTRACT, p.contract());
        keyword(doc, Fields.SYNTHETIC, synthetic ? "true" : "false");
        list(p.occupations()).forEach(c -> keyword(doc, Fields.OCCUPATION, c));
        if (p.place() != null) {
            location(doc, p.place());
        }
        Long posted = postedDay(p.postedAt());
        if (posted != null) {
            doc.add(new org.apache.lucene.document.LongField(Fields.POSTED, posted, Field.Store.NO));
        }
        List<String> labels = new ArrayList<>(list(p.skills()));
        if (p.place() != null) {
            labels.add(p.place().name());
        }
        if (!p.occupationText().isEmpty()) {
            labels.add(p.occupationText());
        }
        postingText(doc, p.title(), labels, p.description(), p.employer());
        return doc;
    }

    public static Document of(Object record) {
        return switch (record) {
            case Occupation o -> occupation(o);
            case Skill s -> skill(s);
            case Training t -> training(t);
            case Posting p -> posting(p);
            default -> throw new IllegalArgumentException("not a record: " + record.getClass());
        };
    }

    /** The day of a posting's publication date ("2026-11-20" or a date-time starting so), null when there is none or it is not a date. */
    static Long postedDay(String postedAt) {
        if (postedAt == null || postedAt.length() < 10) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(postedAt.substring(0, 10)).toEpochDay();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** ROME fiches are the reference French job titles; curated seed trainings are the sector's own. */
    private static float priorOf(Occupation o) {
        return switch (o.scheme()) {
            case "rome" -> 0.6f;
            default -> 0.4f;
        };
    }

    private static Map<String, Object> item(RecordType type, String id, String title) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", type.wireName());
        item.put("id", id);
        item.put("title", title);
        return item;
    }

    private static Document base(RecordType type, String id, String scheme, Map<String, Object> item, float prior) {
        Document doc = new Document();
        doc.add(new KeywordField(Fields.ID, id, Field.Store.YES));
        doc.add(new KeywordField(Fields.TYPE, type.wireName(), Field.Store.NO));
        keyword(doc, Fields.SCHEME, scheme);
        doc.add(new FeatureField(Fields.FEATURES, Fields.PRIOR, prior));
        doc.add(new StoredField(Fields.SOURCE, Json.write(item)));
        return doc;
    }

    /** The exact-label key of a text: see {@link Analysis#labelKey}. */
    public static String labelKey(String text) {
        return Analysis.labelKey(text);
    }

    private static void label(Document doc, String label) {
        doc.add(new TextField(Fields.SUGGEST, label, Field.Store.NO));
        doc.add(new TextField(Fields.LABEL_WORDS, label, Field.Store.NO));
        addLabelKey(doc, labelKey(label));
    }

    private static void addLabelKey(Document doc, String key) {
        if (!key.isEmpty()) {
            doc.add(new KeywordField(Fields.LABEL_KEY, key, Field.Store.NO));
        }
    }

    private static void text(Document doc, String title, List<String> labels, String... prose) {
        text(doc, false, title, labels, prose);
    }

    /**
     * A posting's text, lighter than a reference record's: a market holds a million posts, and indexing them is
     * what an import spends its time on. The title alone feeds the typeahead's prefixes and the typo words
     * (a post's skills and place are records and places of their own, suggested and typo-corrected as such);
     * every label keeps its exact-label key (one keyword: "soudure" is still that post's skill, word for word);
     * the evaluation baseline gets the title only. Measured over the 3,000 shipped posts (thread CPU per post,
     * warmed): 520 µs → 255 µs to build and add the document, index 2.5 → 1.6 KB per post.
     */
    private static void postingText(Document doc, String title, List<String> labels, String... prose) {
        text(doc, true, title, labels, prose);
    }

    /**
     * Posts name their skills in the words of the referentials, so a market's million posts share a few tens of
     * thousands of labels: each is analysed into its key once (the analysis was an eighth of indexing a post).
     * Bounded, so a feed of free-text skills cannot grow it.
     */
    private static final com.github.benmanes.caffeine.cache.Cache<String, String> POSTING_LABEL_KEYS =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(50_000).build();

    private static void text(Document doc, boolean posting, String title, List<String> labels, String... prose) {
        doc.add(new TextField(Fields.TITLE, title, Field.Store.YES));
        label(doc, title);
        StringBuilder all = new StringBuilder(title);
        for (String label : list(labels)) {
            if (!Text.isBlank(label)) {
                doc.add(new Field(Fields.LABELS, label, LABELS_TYPE));
                if (posting) {
                    addLabelKey(doc, POSTING_LABEL_KEYS.get(label, DocumentMapper::labelKey));
                } else {
                    label(doc, label);
                }
                all.append(" ; ").append(label);
            }
        }
        for (String p : prose) {
            if (!Text.isBlank(p)) {
                all.append(" ; ").append(p);
            }
        }
        doc.add(new Field(Fields.ALL, all.toString(), ALL_TYPE));
        doc.add(new TextField(Fields.BASELINE, posting ? title : all.toString(), Field.Store.NO));
    }

    private static void nl(Document doc, String titleNl, List<String> labelsNl) {
        if (!Text.isBlank(titleNl)) {
            doc.add(new TextField(Fields.TITLE_NL, titleNl, Field.Store.YES));
            doc.add(new TextField(Fields.SUGGEST, titleNl, Field.Store.NO));
            doc.add(new TextField(Fields.BASELINE, titleNl, Field.Store.NO));
        }
        for (String l : list(labelsNl)) {
            if (!l.equals(titleNl)) {
                doc.add(new TextField(Fields.LABELS_NL, l, Field.Store.NO));
            }
        }
    }

    private static void location(Document doc, PlaceRef p) {
        doc.add(new LatLonPoint(Fields.LOCATION, p.lat(), p.lon()));
        doc.add(new LatLonDocValuesField(Fields.LOCATION, p.lat(), p.lon()));
    }

    private static void keyword(Document doc, String field, String value) {
        if (!Text.isBlank(value)) {
            doc.add(new KeywordField(field, value, Field.Store.NO));
        }
    }

    private static void put(Map<String, Object> item, String key, Object value) {
        if (value instanceof String s && s.isBlank()) {
            return;
        }
        if (value instanceof List<?> l && l.isEmpty()) {
            return;
        }
        if (value != null) {
            item.put(key, value);
        }
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
