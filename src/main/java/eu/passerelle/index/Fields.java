package eu.passerelle.index;

/**
 * Every Lucene field name, with why it is indexed the way it is. Analyzers per field are in
 * {@link Analysis#indexing()}; the mapping of records to documents is in {@link DocumentMapper}.
 */
public final class Fields {
    private Fields() {
    }

    // Keyword fields (exact, with doc values for facets): ids and codes are never analysed.
    /** Record id "scheme:code"; the upsert and delete key. */
    public static final String ID = "id";
    /** occupation / skill / training / posting. */
    public static final String TYPE = "type";
    /** rome / esco / competent for taxonomy records; rncp / onisep / seed / feed name for the others. */
    public static final String SCHEME = "scheme";
    /** ISO country codes (several for a training given in two countries). */
    public static final String COUNTRY = "country";
    /** Training modality: presentiel / hybride / distance. */
    public static final String MODALITY = "modality";
    /** European qualification level 1..8 of a training. */
    public static final String LEVEL = "level";
    /** Contract type of a posting (CDI, CDD, ...). */
    public static final String CONTRACT = "contract";
    /** RNCP codes a training leads to. */
    public static final String CERTIFICATION = "certification";
    /** ROME fiche ids a training or posting relates to. */
    public static final String OCCUPATION = "occupation";
    /** "true" on synthetic demo records, so they can be filtered out. */
    public static final String SYNTHETIC = "synthetic";

    // Text fields.
    /** Preferred label, French analysis, highest weight. */
    public static final String TITLE = "title";
    /** Alternative labels: ROME appellations, ESCO alt/hidden labels, acronyms. */
    public static final String LABELS = "labels";
    /** Everything a person may search for in one field (title, labels, definition, description); stored for highlights. */
    public static final String ALL = "all";
    /** Dutch preferred label (Compétent) and Dutch alternative labels. */
    public static final String TITLE_NL = "title_nl";
    public static final String LABELS_NL = "labels_nl";
    /**
     * Each title and label as one keyword: its analysed words joined by spaces. A query whose analysed words
     * are exactly a label's ("animatrice jeunesse" = "Animateur / Animatrice jeunesse") is that label.
     */
    public static final String LABEL_KEY = "label_key";
    /** Title and label words, folded but not stemmed: typos are matched here, one edit being one typo. */
    public static final String LABEL_WORDS = "label_words";
    /** Title and labels as word prefixes, for typeahead. */
    public static final String SUGGEST = "suggest";
    /** Title, labels and text under StandardAnalyzer: the plain-BM25 baseline that eval compares against. */
    public static final String BASELINE = "baseline";

    // Points and doc values.
    /** LatLonPoint (filter) and LatLonDocValuesField (distance sort); several per training with several places. */
    public static final String LOCATION = "location";
    /**
     * The day a posting was published (days since 1970-01-01), as points and a numeric doc value: the posts of a match
     * without a place are taken freshest first, an order Lucene stops early on (older posts are skipped by their points).
     */
    public static final String POSTED = "posted";
    /** Static prior in [0,1] as a FeatureField: curated records and ROME fiches over long-tail entries. */
    public static final String FEATURES = "features";
    public static final String PRIOR = "prior";

    // Stored only.
    /** The JSON of the search Item, so a search never needs the store. */
    public static final String SOURCE = "_source";

    // Doc values only.
    /** The item JSON, title and labels again as one binary doc value: what a search shows, read without decompressing ({@link Display}). */
    public static final String DISPLAY = "_display";
}
