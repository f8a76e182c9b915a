package eu.passerelle.ingest;

import com.fasterxml.jackson.core.type.TypeReference;
import eu.passerelle.geo.Gazetteer;
import eu.passerelle.model.Json;
import eu.passerelle.model.Place;
import eu.passerelle.model.Posting;
import eu.passerelle.model.Skill;
import eu.passerelle.model.Training;
import eu.passerelle.store.SourceStore.Source;
import eu.passerelle.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first-start import: reads everything under {@code index-data/} into the store, one transaction per
 * source, with a progress line for each (what, how many, how long, orphans). The store is marked imported
 * only at the very end, so an interrupted import starts again from a clean slate.
 */
public final class ReferenceImporter {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceImporter.class);
    private static final List<String> TABLES = List.of("crosswalk_mapping", "work_context", "mobility", "skill_broader", "skill_mapping",
            "occupation_skill", "posting", "training", "skill", "occupation", "place", "source");

    private final Path indexData;
    private final Store store;

    public ReferenceImporter(Path indexData, Store store) {
        this.indexData = indexData;
        this.store = store;
    }

    public void run() throws IOException {
        long start = System.nanoTime();
        LOG.info("import: first start, importing {} into the store", indexData.toAbsolutePath());
        store.db().write(c -> {
            try (Statement s = c.createStatement()) {
                for (String t : TABLES) {
                    s.execute("DELETE FROM " + t);
                }
            }
            return null;
        });

        long t = System.nanoTime();
        OrphanCounter placeOrphans = new OrphanCounter();
        List<Place> places = GeoNamesReader.read(indexData.resolve("geonames"), placeOrphans);
        store.db().write(c -> {
            store.sources().putPlaces(c, places);
            store.sources().put(c, new Source("geonames", GeoNamesReader.VERSION, GeoNamesReader.LICENCE, places.size(), placeOrphans.counts()));
            return null;
        });
        progress("GeoNames", t, "%,d places", placeOrphans, places.size());
        Gazetteer gazetteer = new Gazetteer(places);

        t = System.nanoTime();
        RomeReader.RomeData rome = new RomeReader(indexData.resolve("rome")).read();
        store.db().write(c -> {
            store.records().putOccupations(c, rome.occupations());
            store.records().putSkills(c, rome.skills());
            store.relations().putOccupationSkills(c, rome.links());
            store.relations().putMobilities(c, rome.mobilities());
            store.relations().putWorkContexts(c, rome.contexts());
            store.sources().put(c, new Source("ROME 4.0", rome.version(), rome.licence(),
                    rome.occupations().size() + rome.skills().size(), rome.orphans().counts()));
            return null;
        });
        progress("ROME 4.0 " + rome.version(), t, "%,d occupations, %,d job titles, %,d skills, %,d occupation→skill links, %,d mobilités, %,d work contexts",
                rome.orphans(), rome.occupations().size(), rome.appellations(), rome.skills().size(), rome.links().size(),
                rome.mobilities().size(), rome.contexts().size());

        t = System.nanoTime();
        EscoReader.EscoData esco = new EscoReader(indexData.resolve("esco")).read();
        List<eu.passerelle.model.Occupation> escoOccupations = EscoDutchLabels.apply(indexData.resolve("esco").resolve(EscoDutchLabels.FILE),
                esco.occupations(), esco.orphans());
        store.db().write(c -> {
            store.records().putOccupations(c, escoOccupations);
            store.records().putSkills(c, esco.skills());
            store.relations().putOccupationSkills(c, esco.links());
            store.relations().putSkillBroader(c, esco.broader());
            store.sources().put(c, new Source("ESCO", esco.version(), esco.licence(),
                    esco.occupations().size() + esco.skills().size(), esco.orphans().counts()));
            return null;
        });
        progress("ESCO " + esco.version(), t, "%,d occupations (%,d with Dutch labels), %,d skills (%,d with a French label), %,d occupation→skill relations, %,d broader links",
                esco.orphans(), esco.occupations().size(), EscoDutchLabels.labelled(escoOccupations), esco.skills().size(), esco.frenchLabelled(),
                esco.links().size(), esco.broader().size());

        t = System.nanoTime();
        Set<String> escoSkills = new HashSet<>();
        esco.skills().stream().map(Skill::id).forEach(escoSkills::add);
        CompetentReader.CompetentData competent = new CompetentReader(indexData.resolve("competent")).read(escoSkills);
        store.db().write(c -> {
            store.records().putOccupations(c, competent.occupations());
            store.records().putSkills(c, competent.skills());
            store.relations().putSkillMappings(c, competent.mappings());
            store.sources().put(c, new Source("Compétent", competent.version(), competent.licence(),
                    competent.occupations().size() + competent.skills().size(), competent.orphans().counts()));
            return null;
        });
        progress("Compétent " + competent.version(), t, "%,d occupations, %,d competences, %,d mappings to ESCO skills",
                competent.orphans(), competent.occupations().size(), competent.skills().size(), competent.mappings().size());

        t = System.nanoTime();
        Set<String> escoOccupationIds = new HashSet<>();
        esco.occupations().forEach(o -> escoOccupationIds.add(o.id()));
        Set<String> competentIds = new HashSet<>();
        competent.occupations().forEach(o -> competentIds.add(o.id()));
        OfficialCrosswalks.Result crosswalks = OfficialCrosswalks.read(indexData.resolve("crosswalks"), indexData.resolve("rome"),
                escoOccupationIds, competentIds);
        store.db().write(c -> {
            store.bridges().putMappings(c, crosswalks.mappings());
            store.sources().put(c, new Source("Official occupation crosswalks", String.join("; ", crosswalks.versions()), OfficialCrosswalks.LICENCE,
                    crosswalks.mappings().size(), crosswalks.orphans().counts()));
            return null;
        });
        progress("Official crosswalks " + crosswalks.versions(), t, "%,d mappings to ESCO occupations", crosswalks.orphans(), crosswalks.mappings().size());

        t = System.nanoTime();
        OnisepReader.OnisepData onisep = OnisepReader.read(indexData.resolve("onisep"));
        List<Training> curated = readCurated(indexData.resolve("curated").resolve("trainings.json"));
        store.db().write(c -> {
            store.records().putTrainings(c, onisep.trainings());
            store.records().putTrainings(c, curated);
            store.sources().put(c, new Source("ONISEP Idéo", OnisepReader.VERSION, OnisepReader.LICENCE, onisep.trainings().size(), onisep.orphans().counts()));
            store.sources().put(c, new Source("Curated seed records", "2026-11", "Facts from the articles in shared/seeds/, each record citing its article",
                    curated.size(), java.util.Map.of()));
            return null;
        });
        progress("Trainings", t, "%,d ONISEP trainings, %,d curated records from the seed articles", onisep.orphans(),
                onisep.trainings().size(), curated.size());

        t = System.nanoTime();
        OrphanCounter postingOrphans = new OrphanCounter();
        List<Posting> postings = new ArrayList<>();
        Path postingDir = indexData.resolve("postings");
        if (Files.isDirectory(postingDir)) {
            try (Stream<Path> files = Files.list(postingDir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".jsonld") || p.toString().endsWith(".json") || p.toString().endsWith(".ndjson")).sorted().toList()) {
                    String feed = f.getFileName().toString().replaceAll("\\.(jsonld|json|ndjson)$", "");
                    for (FeedResult<Posting> r : new JobPostingReader(gazetteer, feed).read(Files.readString(f))) {
                        if (r.accepted()) {
                            postings.add(r.record());
                        } else {
                            postingOrphans.miss("refused posting: " + r.error());
                        }
                    }
                }
            }
        }
        long synthetic = postings.stream().filter(p -> p.provenance().synthetic()).count();
        store.db().write(c -> {
            store.records().putPostings(c, postings);
            store.sources().put(c, new Source("Postings (index-data/postings)", "schema.org JobPosting", synthetic == postings.size()
                    ? "Synthetic demo records generated by Passerelle: not real job offers" : "as stated by each feed", postings.size(), postingOrphans.counts()));
            store.sources().putMeta(c, Store.IMPORTED_KEY, Instant.now().toString());
            return null;
        });
        progress("Postings", t, "%,d postings (%,d synthetic)", postingOrphans, postings.size(), synthetic);
        LOG.info("import: done in {} s", String.format("%.1f", (System.nanoTime() - start) / 1e9));
    }

    static List<Training> readCurated(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Training> list = Json.MAPPER.readValue(file.toFile(), new TypeReference<List<Training>>() { });
        for (Training tr : list) {
            if (tr.id() == null || !(tr.id().startsWith("training:") || tr.id().startsWith("rncp:")) || tr.provenance() == null) {
                throw new IOException("curated training without a valid id or provenance in " + file + ": " + tr.id());
            }
        }
        return list;
    }

    private static void progress(String what, long startNanos, String format, OrphanCounter orphans, Object... counts) {
        LOG.info("import: {}: {} in {} ms (orphans: {})", what, String.format(format, counts),
                (System.nanoTime() - startNanos) / 1_000_000, orphans);
    }
}
