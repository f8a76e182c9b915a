package eu.passerelle.match;

import static org.assertj.core.api.Assertions.assertThat;

import eu.passerelle.TestService;
import eu.passerelle.geo.Gazetteer;
import eu.passerelle.index.Fields;
import eu.passerelle.index.RecordWriter;
import eu.passerelle.index.SearchIndex;
import eu.passerelle.ingest.FeedImport;
import eu.passerelle.model.Place;
import eu.passerelle.model.Posting;
import eu.passerelle.model.RecordType;
import eu.passerelle.store.Store;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A feed written in batches, each stored while the next is read and indexed on every core, leaves the same
 * records in the store and the index as the same feed written one record at a time; the last record of an id
 * wins, within a batch and across batches; refusals keep their positions and every line is reported once, in
 * the feed's order. Real store, real index, real readers (the posts carry their ROME code, so the classifier
 * is never asked).
 */
class FeedIntakeBatchTest {
    private final Gazetteer gazetteer = new Gazetteer(List.of(new Place("Arlon", 49.68333, 5.81667, "BE", "WAL", "WLX"),
            new Place("Longwy", 49.5217, 5.76192, "FR", "44", "54")));
    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<Path> dirs = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
        dirs.forEach(TestService::delete);
    }

    private record Target(Store store, SearchIndex index, RecordWriter writer) {
    }

    private Target target() throws Exception {
        Path dir = Files.createTempDirectory("passerelle-batch-");
        dirs.add(dir);
        Store store = new Store(dir.resolve("passerelle.db"));
        open.add(store);
        SearchIndex index = new SearchIndex(dir.resolve("index"), 60_000, 600_000);
        open.add(index);
        return new Target(store, index, new RecordWriter(store, index));
    }

    /** Post n, in its version v (the title says which), or a refused line every 97th record. */
    private static String line(int n, int v) {
        if (n % 97 == 0) {
            return "{\"@type\":\"JobPosting\",\"identifier\":\"p" + n + "\"}"; // no title: refused
        }
        String place = n % 2 == 0 ? "Arlon" : "Longwy";
        String country = n % 2 == 0 ? "BE" : "FR";
        return "{\"@type\":\"JobPosting\",\"identifier\":\"p" + n + "\",\"title\":\"Animateur périscolaire n° " + n + " version " + v + "\","
                + "\"occupationalCategory\":\"G1203\",\"skills\":[\"Animer des activités\",\"Accueillir les enfants\"],"
                + "\"jobLocation\":{\"address\":{\"addressLocality\":\"" + place + "\",\"addressCountry\":\"" + country + "\"}}}";
    }

    /**
     * 4,600 lines (three batches): posts 0–4,399, then posts 10–209 again in a version 2 (a later batch
     * rewrites ids of the first), and post 5 three times in a row inside the last batch (versions 3, 4, 5).
     */
    private static List<String> feed() {
        List<String> lines = new ArrayList<>();
        for (int n = 0; n < 4_400; n++) {
            lines.add(line(n, 1));
        }
        for (int n = 10; n < 207; n++) {
            lines.add(line(n, 2));
        }
        for (int v = 3; v <= 5; v++) {
            lines.add(line(5, v));
        }
        return lines;
    }

    private static Map<String, String> storedTitles(Store store) {
        Map<String, String> titles = new TreeMap<>();
        store.records().forEach(RecordType.POSTING, Posting.class, p -> titles.put(p.id(), p.title()));
        return titles;
    }

    private static Map<String, String> indexedTitles(SearchIndex index) {
        index.refresh();
        return index.search(s -> {
            Map<String, String> titles = new TreeMap<>();
            StoredFields stored = s.storedFields();
            for (ScoreDoc sd : s.search(new MatchAllDocsQuery(), Math.max(1, s.getIndexReader().numDocs())).scoreDocs) {
                Document d = stored.document(sd.doc);
                titles.put(d.get(Fields.ID), d.get(Fields.TITLE));
            }
            return titles;
        });
    }

    @Test
    void batchesInParallelLeaveWhatOneByOneLeavesAndTheLastWriteOfAnIdWins() throws Exception {
        List<String> feed = feed();
        FeedImport reader = new FeedImport(gazetteer);

        Target batched = target();
        List<FeedImport.Line> report = new ArrayList<>();
        FeedIntake intake = new FeedIntake(reader, null, batched.writer());
        FeedIntake.Summary summary = intake.importFeed(RecordType.POSTING, "qa",
                new ByteArrayInputStream(String.join("\n", feed).getBytes(StandardCharsets.UTF_8)), report::add);

        Target serial = target();
        for (FeedImport.Line l : new ArrayList<>(report)) {
            if (l.status().equals("accepted")) {
                Posting p = (Posting) reader.read(RecordType.POSTING, "qa", feed.get(l.line() - 1)).accepted().getFirst();
                serial.writer().putAll(List.of(p), false); // one record at a time, on this thread
            }
        }

        // Every line reported once, in the feed's order, refusals at their own positions.
        assertThat(report).extracting(FeedImport.Line::line).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, feed.size()).boxed().toList());
        long refusedLines = java.util.stream.IntStream.range(0, 4_400).filter(n -> n % 97 == 0).count()
                + java.util.stream.IntStream.range(10, 207).filter(n -> n % 97 == 0).count();
        assertThat(summary.refused()).isEqualTo(refusedLines);
        assertThat(report).filteredOn(l -> l.status().equals("refused")).allSatisfy(l -> {
            assertThat((l.line() - 1) % 4_400 % 97 == 0 || l.line() > 4_400).isTrue();
            assertThat(l.error()).contains("title");
        });
        assertThat(report.get(97).status()).isEqualTo("refused"); // post 97 is on line 98
        assertThat(summary.accepted()).isEqualTo(feed.size() - refusedLines);

        // The same records, in the same versions, in the store and in the index, as written one by one.
        Map<String, String> stored = storedTitles(batched.store());
        assertThat(stored).hasSize(4_400 - 46).isEqualTo(storedTitles(serial.store()));
        assertThat(indexedTitles(batched.index())).isEqualTo(stored).isEqualTo(indexedTitles(serial.index()));
        assertThat(stored.get("posting:qa-p5")).endsWith("version 5");
        assertThat(stored.get("posting:qa-p150")).endsWith("version 2");
        assertThat(stored.get("posting:qa-p300")).endsWith("version 1");
        assertThat(batched.store().records().counts().get(RecordType.POSTING)).isEqualTo(batched.index().counts().get(RecordType.POSTING));
    }
}
