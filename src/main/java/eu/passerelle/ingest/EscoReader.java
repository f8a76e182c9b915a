package eu.passerelle.ingest;

import eu.passerelle.model.Occupation;
import eu.passerelle.model.Provenance;
import eu.passerelle.model.Skill;
import eu.passerelle.store.RelationStore.OccupationSkill;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads ESCO 1.1.1: French occupations from the FR export, skills from the official English classification
 * zip with French labels from the ESCO API export laid over them, and the official relations zip.
 */
public final class EscoReader {
    public static final String SCHEME = "esco";
    public static final String VERSION = "1.1.1";
    private static final String LICENCE = "European Commission reuse policy (Decision 2011/833/EU) — This service uses the ESCO classification of the European Commission.";
    private static final String OCCUPATION_URI = "http://data.europa.eu/esco/occupation/";
    private static final String SKILL_URI = "http://data.europa.eu/esco/skill/";

    private final Path dir;

    public EscoReader(Path dir) {
        this.dir = dir;
    }

    public record EscoData(String version, String licence, List<Occupation> occupations, List<Skill> skills,
                           List<OccupationSkill> links, List<String[]> broader, int frenchLabelled,
                           OrphanCounter orphans) {
    }

    /** "http://data.europa.eu/esco/skill/&lt;uuid&gt;" → "esco:&lt;uuid&gt;"; other URIs (groups) → null. */
    public static String idOf(String uri) {
        if (uri.startsWith(OCCUPATION_URI)) {
            return SCHEME + ":" + uri.substring(OCCUPATION_URI.length());
        }
        if (uri.startsWith(SKILL_URI)) {
            return SCHEME + ":" + uri.substring(SKILL_URI.length());
        }
        return null;
    }

    static List<String> splitLabels(String cell, String separatorRegex) {
        if (cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split(separatorRegex)).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    public EscoData read() throws IOException {
        OrphanCounter orphans = new OrphanCounter();
        Provenance provenance = Provenance.of(SCHEME, "ESCO " + VERSION);

        List<Occupation> occupations = new ArrayList<>();
        Csv.forEachRecord(dir.resolve("occupations_fr-1.1.1.csv"), ',', r -> {
            String uri = r.get("conceptUri");
            String id = idOf(uri);
            if (id == null) {
                orphans.miss("occupation uri");
                return;
            }
            String title = r.get("preferredLabel");
            List<String> labels = new ArrayList<>(splitLabels(r.get("altLabels"), "\n"));
            labels.addAll(splitLabels(r.get("hiddenLabels"), "\n"));
            labels.removeIf(l -> l.equals(title));
            String definition = !r.get("description").isEmpty() ? r.get("description") : r.get("definition");
            List<String> tags = r.get("regulatedProfessionNote").endsWith("/regulated") ? List.of("profession réglementée") : List.of();
            occupations.add(new Occupation(id, SCHEME, r.get("code"), uri, title, "", labels.stream().distinct().toList(),
                    List.of(), definition, "", "", r.get("iscoGroup"), "", tags, provenance));
        });

        Map<String, String[]> frenchLabels = new HashMap<>();
        Csv.forEachRecord(dir.resolve("skills_fr-labels.csv"), ',', r -> frenchLabels.put(r.get("conceptUri"),
                new String[] {r.get("preferredLabel"), r.get("altLabels")}));

        Map<String, Skill> skills = new LinkedHashMap<>();
        int[] french = {0};
        readZipCsv("esco-v1.1.1-classification-en-csv.zip", "skills_en.csv", r -> {
            String uri = r.get("conceptUri");
            String id = idOf(uri);
            if (id == null) {
                return;
            }
            String en = r.get("preferredLabel");
            String[] fr = frenchLabels.get(uri);
            String label = en;
            List<String> alt = List.of();
            if (fr != null && !fr[0].isEmpty()) {
                label = fr[0];
                alt = splitLabels(fr[1], "\\|").stream().filter(l -> !l.equals(fr[0])).toList();
                french[0]++;
            } else {
                orphans.miss("skill without French label (English used)");
            }
            skills.put(id, new Skill(id, SCHEME, id.substring(SCHEME.length() + 1), uri, label, "", en, alt,
                    r.get("skillType"), r.get("reuseLevel"), r.get("description"), provenance));
        });
        for (String uri : frenchLabels.keySet()) {
            if (!skills.containsKey(idOf(uri) == null ? "" : idOf(uri))) {
                orphans.miss("French label for a skill absent from 1.1.1");
            }
        }
        Map<String, Boolean> occupationIds = new HashMap<>();
        occupations.forEach(o -> occupationIds.put(o.id(), true));

        List<OccupationSkill> links = new ArrayList<>();
        List<String[]> broader = new ArrayList<>();
        try (ZipFile zip = new ZipFile(dir.resolve("esco-v1.1.1-classification-relations-csv.zip").toFile())) {
            readEntry(zip, "occupationSkillRelations.csv", r -> {
                String occupation = idOf(r.get("occupationUri"));
                String skill = idOf(r.get("skillUri"));
                if (occupation == null || !occupationIds.containsKey(occupation)) {
                    orphans.miss("relation→occupation");
                } else if (skill == null || !skills.containsKey(skill)) {
                    orphans.miss("relation→skill");
                } else {
                    links.add(new OccupationSkill(occupation, skill, "essential".equals(r.get("relationType")) ? "essential" : "optional", false));
                }
            });
            readEntry(zip, "broaderRelationsSkillPillar.csv", r -> {
                String skill = idOf(r.get("conceptUri"));
                if (skill != null && skills.containsKey(skill)) {
                    String b = idOf(r.get("broaderUri"));
                    broader.add(new String[] {skill, b != null ? b : r.get("broaderUri")});
                }
            });
        }
        return new EscoData(VERSION, LICENCE, occupations, new ArrayList<>(skills.values()), links, broader, french[0], orphans);
    }

    private void readZipCsv(String zipName, String entry, Consumer<Csv.Row> handler) throws IOException {
        try (ZipFile zip = new ZipFile(dir.resolve(zipName).toFile())) {
            readEntry(zip, entry, handler);
        }
    }

    private static void readEntry(ZipFile zip, String entry, Consumer<Csv.Row> handler) throws IOException {
        ZipEntry e = zip.getEntry(entry);
        if (e == null) {
            throw new IOException("missing " + entry + " in " + zip.getName());
        }
        try (InputStream in = zip.getInputStream(e); Csv csv = Csv.open(in, ',')) {
            csv.forEachRecord(handler);
        }
    }
}
