package eu.passerelle.ingest;

import eu.passerelle.model.Occupation;
import eu.passerelle.model.Provenance;
import eu.passerelle.model.Skill;
import eu.passerelle.store.RelationStore.SkillMapping;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the Belgian Compétent 3.8 referential: occupation profiles and competences with their ESCO mapping. */
public final class CompetentReader {
    public static final String SCHEME = "competent";
    public static final String VERSION = "3.8";
    private static final String LICENCE = "Compétent 3.8 (VDAB / Le Forem / Actiris), published through the ESCO portal by VDAB / Nalantis";
    /** Compétent titles end with a gender marker, "(h/f/x)", which is noise for search and display. */
    private static final Pattern GENDER_MARK = Pattern.compile("\\s*\\((h/f/x|m/v/x|h/f|m/v)\\)\\s*", Pattern.CASE_INSENSITIVE);

    private final Path dir;

    public CompetentReader(Path dir) {
        this.dir = dir;
    }

    public record CompetentData(String version, String licence, List<Occupation> occupations, List<Skill> skills,
                                List<SkillMapping> mappings, OrphanCounter orphans) {
    }

    static String clean(String label) {
        return GENDER_MARK.matcher(label).replaceAll(" ").strip();
    }

    /** @param escoSkillIds the ESCO skills loaded, to count mappings to concepts absent from ESCO 1.1.1 */
    public CompetentData read(Set<String> escoSkillIds) throws IOException {
        OrphanCounter orphans = new OrphanCounter();
        Provenance provenance = Provenance.of(SCHEME, "Compétent " + VERSION);
        List<Occupation> occupations = new ArrayList<>();
        Csv.forEachRecord(dir.resolve("competent-3.8-occupations-fr-nl.csv"), ',', r -> {
            String code = r.get("code");
            String nl = clean(r.get("label_nl"));
            occupations.add(new Occupation(SCHEME + ":" + code, SCHEME, code, "urn:uuid:" + r.get("uuid"), clean(r.get("label_fr")), nl,
                    List.of(), nl.isEmpty() ? List.of() : List.of(nl), "", "", "BE", "", "", List.of(), provenance));
        });

        Map<String, Skill> skills = new LinkedHashMap<>();
        List<SkillMapping> mappings = new ArrayList<>();
        try (Csv csv = Csv.open(dir.resolve("competent-3.8-competences-esco-skills-fr-nl.csv"), ',')) {
            csv.skipUntilHeader("Classification 1 URI").forEachRecord(r -> {
                String code = r.get("Classification 2 ID");
                if (code.isEmpty()) {
                    orphans.miss("row without competence code");
                    return;
                }
                String id = SCHEME + ":" + code;
                skills.computeIfAbsent(id, k -> new Skill(id, SCHEME, code, "urn:uuid:" + r.get("Classification 2 URI"),
                        r.get("Classification 2 PrefLabel FR"), r.get("Classification 2 PrefLabel NL"), "", List.of(),
                        code.startsWith("KN-") ? "KN" : "SK", "", "", provenance));
                String esco = EscoReader.idOf(r.get("Classification 1 URL"));
                if (esco == null || !escoSkillIds.contains(esco)) {
                    orphans.miss("mapping→ESCO skill absent from 1.1.1");
                    return;
                }
                String relation = r.get("Mapping Relation").replace("skos:", "").replace("Match", "");
                mappings.add(new SkillMapping(id, esco, relation, "Compétent 3.8 / ESCO 1.0.3 official mapping"));
            });
        }
        return new CompetentData(VERSION, LICENCE, occupations, new ArrayList<>(skills.values()), mappings, orphans);
    }
}
