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
import eu.passerelle.store.StoreCheck;
import eu.passerelle.store.StoreRefusedException;
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

    private Passerelle(AppConfig config, Store store, SearchIndex index, Gazetteer gazetteer, SearchService search, Recognition recognition,
                       StartupPhases phases, java.util.concurrent.FutureTask<SkillGraph> graphLoad, boolean serving) {
        this.config = config;
        this.store = store;
        this.index = index;
        this.gazetteer = gazetteer;
        this.search = search;
        eu.passerelle.search.Concepts occupationConcepts = phases.run("occupation concepts", () -> new eu.passerelle.search.Concepts(store));
        this.concepts = new eu.passerelle.search.ConceptSearch(search, occupationConcepts);
        this.suggest = new SuggestService(index, gazetteer);
        this.records = new RecordService(store);
        this.graph = graphLoad != null ? await(graphLoad) : phases.run("skill graph", () -> SkillGraph.load(store));
        TrainingLinks trainings = new TrainingLinks(search, store);
        ProfileResolver resolver = new ProfileResolver(search, graph, trainings, recognition, gazetteer, occupationConcepts);
        Matcher matcher = phases.run("matcher", () -> new Matcher(graph, trainings, search, recognition, store));
        if (serving) { // the import command never matches: its CPU goes to the feed
            matcher.prepareInBackground();
        }
        this.match = new MatchService(resolver, matcher, index, concepts);
        this.classifier = new PostingClassifier(search, resolver);
        eu.passerelle.index.RecordWriter writer = new eu.passerelle.index.RecordWriter(store, index);
        this.intake = new FeedIntake(new FeedImport(gazetteer), classifier, writer);
        // Damage found by a search at run time: rebuilt from the store in the background, searches answer 503 meanwhile.
        index.onDamage(() -> Thread.ofPlatform().name("index-rebuild").daemon().start(() -> {
            try {
                writer.rebuildIndex();
                index.recovery("rebuilt at run time: " + index.damage().orElse("damage found by a search"));
            } catch (RuntimeException e) {
                LOG.error("index: the rebuild after damage failed; restart with --reindex", e);
            }
        }));
    }

    /** Present in the data dir while a Passerelle has it open: found at start, the previous stop was unclean. */
    static final String RUNNING_MARKER = "passerelle.running";

    public static Passerelle open(AppConfig config) {
        return open(config, false);
    }

    /**
     * @param forceFirstStart move a store that is refused (empty, damaged, log lost) aside and import anew,
     *                        instead of refusing to start
     */
    public static Passerelle open(AppConfig config, boolean forceFirstStart) {
        return open(config, forceFirstStart, true);
    }

    /** For the {@code import} command: the same store and index, without preparing what only matching uses. */
    public static Passerelle openForImport(AppConfig config) {
        return open(config, false, false);
    }

    private static Passerelle open(AppConfig config, boolean forceFirstStart, boolean serving) {
        config.checkPaths();
        StartupPhases phases = new StartupPhases();
        Store store = null;
        SearchIndex index = null;
        try {
            Files.createDirectories(config.dataDir());
            java.nio.file.Path dbFile = config.dataDir().resolve("passerelle.db");
            java.nio.file.Path marker = config.dataDir().resolve(RUNNING_MARKER);
            boolean unclean = Files.exists(marker);
            if (unclean) {
                LOG.warn("passerelle: the previous run did not stop cleanly; checking the store and the index");
            }
            java.util.Optional<String> problem = phases.run(unclean ? "store check (after an unclean stop: every page)" : "store check", () -> {
                java.util.Optional<String> p = StoreCheck.problem(dbFile, unclean);
                return p.isEmpty() && unclean && Files.exists(dbFile) ? quickCheck(dbFile) : p;
            });
            if (problem.isPresent()) {
                if (!forceFirstStart) {
                    throw new StoreRefusedException(problem.get());
                }
                moveAside(config.dataDir(), problem.get());
            }
            Store opened = phases.run("store open", () -> new Store(dbFile));
            store = opened;
            Files.writeString(marker, java.time.Instant.now().toString());
            boolean imported = !opened.isImported();
            if (imported) {
                phases.run("reference import", () -> {
                    try {
                        new ReferenceImporter(config.indexData(), opened).run();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            // Over an existing data dir the skill graph (a second of reading the store) loads beside the index
            // and the other phases; on a first start it needs the crosswalk built further down.
            java.util.concurrent.FutureTask<SkillGraph> graphLoad = !imported && !opened.bridges().isEmpty()
                    ? phases.inBackground("skill graph (beside the phases below)", () -> SkillGraph.load(opened)) : null;
            SearchIndex idx = phases.run(unclean ? "index open (after an unclean stop: every byte checked)" : "index open", () ->
                    new SearchIndex(config.dataDir().resolve("index"), config.refreshMillis(), config.commitMillis(), unclean));
            index = idx;
            boolean rebuilt = phases.run("index catch-up with the store", () -> IndexBuilder.catchUp(opened, idx,
                    imported ? "the reference data was just imported" : config.reindex() ? "--reindex was asked" : null));
            Gazetteer gazetteer = phases.run("gazetteer", () -> new Gazetteer(opened.sources().places()));
            Synonyms synonyms = Synonyms.load(config.indexData().resolve("curated").resolve("synonyms-fr.txt"));
            SearchService search = phases.run("search service", () -> new SearchService(idx, synonyms));
            if (phases.run("crosswalk looked up in the store", () -> opened.bridges().isEmpty())) {
                phases.run("crosswalk", () -> Crosswalk.build(opened, search));
            }
            Recognition recognition = Recognition.load(config.indexData().resolve("curated").resolve("recognition.json"));
            Passerelle p = new Passerelle(config, opened, idx, gazetteer, search, recognition, phases, graphLoad, serving);
            p.startupSeconds.put("import", phases.wallSeconds("reference import"));
            p.startupSeconds.put("index", rebuilt ? phases.wallSeconds("index catch-up with the store") : 0.0);
            p.startupSeconds.put("crosswalk", phases.wallSeconds("crosswalk"));
            LOG.info("passerelle: ready in {} ({} places, {} synonym groups)", phases.summary(), gazetteer.size(), synonyms.groups().size());
            return p;
        } catch (IOException e) {
            closeQuietly(index, store);
            throw new UncheckedIOException("cannot open Passerelle over " + config.dataDir(), e);
        } catch (RuntimeException e) {
            closeQuietly(index, store);
            throw e;
        }
    }

    private static <T> T await(java.util.concurrent.FutureTask<T> task) {
        try {
            return task.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException("a start-up phase failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", e);
        }
    }

    /** A damaged store that quick_check finds (only after an unclean stop: it reads every page). */
    private static java.util.Optional<String> quickCheck(java.nio.file.Path dbFile) {
        try (Store probe = new Store(dbFile)) {
            return probe.db().quickCheck().map(p -> "the store file is damaged (" + p + ")");
        } catch (RuntimeException e) {
            return java.util.Optional.of("the store file cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Keeps every refused file under a dated name (never deletes the truth) and lets the start import anew. */
    private static void moveAside(java.nio.file.Path dataDir, String problem) throws IOException {
        String suffix = ".refused-" + java.time.Instant.now().toString().replace(':', '-');
        for (String name : java.util.List.of("passerelle.db", "passerelle.db-wal", "passerelle.db-shm")) {
            java.nio.file.Path f = dataDir.resolve(name);
            if (Files.exists(f)) {
                Files.move(f, dataDir.resolve(name + suffix));
            }
        }
        LOG.warn("passerelle: --force-first-start: {}; the store files were moved aside with the suffix {} and a new store is imported",
                problem, suffix);
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

    /** Closes the index (committing it) and the store, then records the stop as clean. */
    @Override
    public void close() {
        closeQuietly(index, store);
        try {
            Files.deleteIfExists(config.dataDir().resolve(RUNNING_MARKER));
        } catch (IOException e) {
            LOG.warn("passerelle: could not remove {}: the next start will check the data dir as after a crash", RUNNING_MARKER);
        }
    }
}
