package eu.passerelle;

import eu.passerelle.config.AppConfig;
import eu.passerelle.geo.Gazetteer;
import eu.passerelle.index.IndexBuilder;
import eu.passerelle.index.SearchIndex;
import eu.passerelle.ingest.ReferenceImporter;
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
    private final SuggestService suggest;
    private final RecordService records;

    private Passerelle(AppConfig config, Store store, SearchIndex index, Gazetteer gazetteer, Synonyms synonyms) {
        this.config = config;
        this.store = store;
        this.index = index;
        this.gazetteer = gazetteer;
        this.search = new SearchService(index, synonyms);
        this.suggest = new SuggestService(index, gazetteer);
        this.records = new RecordService(store);
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
            if (!store.isImported()) {
                new ReferenceImporter(config.indexData(), store).run();
                imported = true;
            }
            index = new SearchIndex(config.dataDir().resolve("index"), config.refreshMillis(), config.commitMillis());
            if (imported || config.reindex() || !IndexBuilder.agrees(store, index)) {
                IndexBuilder.rebuild(store, index);
            }
            Gazetteer gazetteer = new Gazetteer(store.sources().places());
            Synonyms synonyms = Synonyms.load(config.indexData().resolve("curated").resolve("synonyms-fr.txt"));
            LOG.info("passerelle: ready in {} s ({} places, {} synonym groups)", String.format("%.1f", (System.nanoTime() - start) / 1e9),
                    gazetteer.size(), synonyms.groups().size());
            return new Passerelle(config, store, index, gazetteer, synonyms);
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

    public SuggestService suggest() {
        return suggest;
    }

    public RecordService records() {
        return records;
    }

    @Override
    public void close() {
        closeQuietly(index, store);
    }
}
