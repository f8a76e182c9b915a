package eu.passerelle;

import eu.passerelle.config.AppConfig;
import eu.passerelle.geo.Gazetteer;
import eu.passerelle.index.IndexBuilder;
import eu.passerelle.index.SearchIndex;
import eu.passerelle.ingest.ReferenceImporter;
import eu.passerelle.ingest.FeedImport;
import eu.passerelle.match.Crosswalk;
import eu.passerelle.match.FeedIntake;
import eu.passerelle.match.PostingClassifier;
import eu.passerelle.match.MatchService;
import eu.passerelle.match.Matcher;
import eu.passerelle.match.ProfileResolver;
import eu.passerelle.match.Recognition;
import eu.passerelle.match.SkillGraph;
import eu.passerelle.match.TrainingLinks;
import eu.passerelle.search.RecordService;
import eu.passerelle.search.SearchService;
import eu.passerelle.search.SuggestService;
import eu.passerelle.search.Synonyms;
import eu.passerelle.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assembled service: store, index and the services on top of them. Opening it imports the reference
 * data into an empty data dir and builds the index when it is missing or disagrees with the store.
 */
public final class Passerelle implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Passerelle.class);

    private final AppConfig config;
    private final Store store;
    private final SearchIndex index;
    private final Gazetteer gazetteer;
    private final SearchService search;
    private final eu.passerelle.search.ConceptSearch concepts;
    private final SuggestService suggest;
    private final RecordService records;
    private final SkillGraph graph;
    private final MatchService match;
    private final FeedIntake intake;
    private final PostingClassifier classifier;
    /** Seconds spent at this start on import, index and crosswalk (0 when the data dir was reused). */
    private final java.util.Map<String, Double> startupSeconds = new java.util.LinkedHashMap<>();

    private Passerelle(AppConfig config, Store store, SearchIndex index, Gazetteer gazetteer, SearchService search, Recognition recognition) {
        this.config = config;
        this.store = store;
        this.index = index;
        this.gazetteer = gazetteer;
        this.search = search;
        this.concepts = new eu.passerelle.search.ConceptSearch(search, new eu.passerelle.search.Concepts(store));
        this.suggest = new SuggestService(index, gazetteer);
        this.records = new RecordService(store);
        this.graph = SkillGraph.load(store);
        TrainingLinks trainings = new TrainingLinks(search, store);
        ProfileResolver resolver = new ProfileResolver(search, graph, trainings, recognition, gazetteer);
        this.match = new MatchService(resolver, new Matcher(graph, trainings, search, recognition, store), index, concepts);
        this.classifier = new PostingClassifier(search, resolver);
        this.intake = new FeedIntake(new FeedImport(gazetteer), classifier, new eu.passerelle.index.RecordWriter(store, index));
    }

    public static Passerelle open(AppConfig config) {
        config.checkPaths();
        long start = System.nanoTime();
        Store store = null;
        SearchIndex index = null;
        try {
            Files.createDirectories(config.dataDir());
            store = new Store(config.dataDir().resolve("passerelle.db"));
            boolean imported = false;
            java.util.Map<String, Double> phases = new java.util.LinkedHashMap<>(java.util.Map.of("import", 0.0, "index", 0.0, "crosswalk", 0.0));
            long t = System.nanoTime();
            if (!store.isImported()) {
                new ReferenceImporter(config.indexData(), store).run();
                imported = true;
                phases.put("import", (System.nanoTime() - t) / 1e9);
            }
            index = new SearchIndex(config.dataDir().resolve("index"), config.refreshMillis(), config.commitMillis());
            t = System.nanoTime();
            if (imported || config.reindex() || !IndexBuilder.agrees(store, index)) {
                IndexBuilder.rebuild(store, index);
                phases.put("index", (System.nanoTime() - t) / 1e9);
            }
            Gazetteer gazetteer = new Gazetteer(store.sources().places());
            Synonyms synonyms = Synonyms.load(config.indexData().resolve("curated").resolve("synonyms-fr.txt"));
            SearchService search = new SearchService(index, synonyms);
            t = System.nanoTime();
            if (store.bridges().isEmpty()) {
                Crosswalk.build(store, search);
                phases.put("crosswalk", (System.nanoTime() - t) / 1e9);
            }
            Recognition recognition = Recognition.load(config.indexData().resolve("curated").resolve("recognition.json"));
            Passerelle p = new Passerelle(config, store, index, gazetteer, search, recognition);
            p.startupSeconds.putAll(phases);
            LOG.info("passerelle: ready in {} s ({} places, {} synonym groups)", String.format("%.1f", (System.nanoTime() - start) / 1e9),
                    gazetteer.size(), synonyms.groups().size());
            return p;
        } catch (IOException e) {
            closeQuietly(index, store);
            throw new UncheckedIOException("cannot open Passerelle over " + config.dataDir(), e);
        } catch (RuntimeException e) {
            closeQuietly(index, store);
            throw e;
        }
    }

    private static void closeQuietly(SearchIndex index, Store store) {
        if (index != null) {
            index.close();
        }
        if (store != null) {
            store.close();
        }
    }

    public AppConfig config() {
        return config;
    }

    public Store store() {
        return store;
    }

    public SearchIndex index() {
        return index;
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    public SearchService search() {
        return search;
    }

    /** Search through the occupation concept: crosswalk links followed, answers grouped by concept. */
    public eu.passerelle.search.ConceptSearch concepts() {
        return concepts;
    }

    public SuggestService suggest() {
        return suggest;
    }

    public RecordService records() {
        return records;
    }

    public SkillGraph graph() {
        return graph;
    }

    public MatchService match() {
        return match;
    }

    public java.util.Map<String, Double> startupSeconds() {
        return java.util.Collections.unmodifiableMap(startupSeconds);
    }

    public PostingClassifier classifier() {
        return classifier;
    }

    /** Where partners' records come in: read, classified, stored and indexed. */
    public FeedIntake intake() {
        return intake;
    }

    @Override
    public void close() {
        closeQuietly(index, store);
    }
}
