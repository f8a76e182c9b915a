package eu.passerelle.ingest;

import eu.passerelle.store.BridgeStore.CrosswalkMapping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The official occupation crosswalks of {@code index-data/crosswalks/}, joined to the loaded referentials:
 * ROME appellations (by code_ogr) to their fiche, Compétent profiles by code, ESCO occupations by URI. A row whose
 * ESCO concept is absent from the loaded ESCO version (the crosswalks were made on older ones), or whose
 * appellation or profile is unknown, is counted as an orphan and left out.
 */
public final class OfficialCrosswalks {
    public static final String ROME_FILE = "rome-esco-appellations.csv";
    public static final String COMPETENT_FILE = "competent-esco-occupations.csv";
    /** Stated in the release notes, not in the file (the published cut has no metadata block). */
    static final String COMPETENT_VERSION = "ESCO–BE NOC V1.0 (2021-09-30)";
    public static final String LICENCE = "ESCO–ROME mapping by Pôle emploi (now France Travail), ESCO–BE NOC mapping by VDAB / Nalantis, "
            + "published through the ESCO portal";

    public record Result(List<CrosswalkMapping> mappings, List<String> versions, OrphanCounter orphans) {
    }

    private OfficialCrosswalks() {
    }

    /**
     * @param romeDir       the ROME release, for the appellation → fiche join
     * @param escoIds       ESCO occupations loaded
     * @param competentIds  Compétent profiles loaded
     */
    public static Result read(Path dir, Path romeDir, Set<String> escoIds, Set<String> competentIds) throws IOException {
        OrphanCounter orphans = new OrphanCounter();
        List<CrosswalkMapping> out = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        Path rome = dir.resolve(ROME_FILE);
        if (Files.exists(rome)) {
            Map<String, String> ficheOf = new HashMap<>();
            Csv.forEachRecord(romeDir.resolve("unix_referentiel_appellation_v460_utf8.csv"), ',',
                    r -> ficheOf.put(r.get("code_ogr"), "rome:" + r.get("code_rome")));
            CrosswalkReader.CrosswalkFile f = CrosswalkReader.read(rome, "", orphans);
            String version = "ESCO–ROME " + f.version() + (f.escoVersion().isEmpty() ? "" : ", ESCO " + f.escoVersion());
            versions.add(version);
            for (CrosswalkReader.Mapping m : f.mappings()) {
                add(out, m, ficheOf.get(m.code()), f.file(), version, escoIds, orphans, "ROME appellation unknown to ROME 4.0");
            }
        }
        Path competent = dir.resolve(COMPETENT_FILE);
        if (Files.exists(competent)) {
            CrosswalkReader.CrosswalkFile f = CrosswalkReader.read(competent, COMPETENT_VERSION, orphans);
            String version = f.version() + (f.escoVersion().isEmpty() ? "" : ", ESCO " + f.escoVersion());
            versions.add(version);
            for (CrosswalkReader.Mapping m : f.mappings()) {
                String id = CompetentReader.SCHEME + ":" + m.code();
                add(out, m, competentIds.contains(id) ? id : null, f.file(), version, escoIds, orphans, "Compétent profile unknown to Compétent 3.8");
            }
        }
        return new Result(out, versions, orphans);
    }

    private static void add(List<CrosswalkMapping> out, CrosswalkReader.Mapping m, String fromId, String file, String version,
                            Set<String> escoIds, OrphanCounter orphans, String unknownFrom) {
        String esco = EscoReader.idOf(m.escoUri());
        if (fromId == null) {
            orphans.miss(unknownFrom);
        } else if (esco == null || !escoIds.contains(esco)) {
            orphans.miss("crosswalk to an ESCO occupation absent from ESCO " + EscoReader.VERSION);
        } else {
            out.add(new CrosswalkMapping(m.code(), fromId, CompetentReader.clean(m.label()), esco, m.relation(), file, version));
        }
    }
}
