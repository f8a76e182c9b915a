package eu.passerelle.ingest;

import eu.passerelle.model.Occupation;
import eu.passerelle.model.Provenance;
import eu.passerelle.model.Skill;
import eu.passerelle.store.RelationStore.Mobility;
import eu.passerelle.store.RelationStore.OccupationSkill;
import eu.passerelle.store.RelationStore.WorkContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the France Travail ROME 4.0 CSV export ("unix_*_v460_utf8.csv") into records and links. */
public final class RomeReader {
    public static final String SCHEME = "rome";
    private static final String LICENCE = "Licence Ouverte / Etalab 2.0 — Source : France Travail, ROME 4.0 v460";
    private static final Pattern VERSION = Pattern.compile("Titre/commentaire :\\s*(.+)");

    private final Path dir;

    public RomeReader(Path dir) {
        this.dir = dir;
    }

    public record RomeData(String version, String licence, List<Occupation> occupations, List<Skill> skills,
                           List<OccupationSkill> links, List<Mobility> mobilities, List<WorkContext> contexts,
                           int appellations, OrphanCounter orphans) {
    }

    private Path file(String name) {
        return dir.resolve("unix_" + name + "_v460_utf8.csv");
    }

    /** ROME texts escape an apostrophe SQL-style ("l''entretien"). */
    static String unescape(String s) {
        return s.replace("''", "'");
    }

    public RomeData read() throws IOException {
        OrphanCounter orphans = new OrphanCounter();
        String version = readVersion();

        Map<String, String> domains = new HashMap<>();
        Csv.forEachRecord(file("domaine_professionnel"), ',', r -> domains.put(r.get("code_domaine_professionnel"), r.get("libelle_domaine_professionnel")));

        record Fiche(String code, String title, String parent, List<String> tags) {
        }
        Map<String, Fiche> fiches = new LinkedHashMap<>();
        Csv.forEachRecord(file("referentiel_code_rome"), ',', r -> {
            List<String> tags = new ArrayList<>();
            if ("O".equals(r.get("emploi_reglemente"))) {
                tags.add("emploi réglementé");
            }
            if ("O".equals(r.get("emploi_cadre"))) {
                tags.add("emploi cadre");
            }
            String eco = r.get("transition_eco");
            if (!eco.isEmpty()) {
                tags.add(eco);
            }
            fiches.put(r.get("code_rome"), new Fiche(r.get("code_rome"), r.get("libelle_rome"), r.get("code_rome_parent"), tags));
        });

        Map<String, List<String>> titles = new HashMap<>();
        int[] appellations = {0};
        Csv.forEachRecord(file("referentiel_appellation"), ',', r -> {
            String code = r.get("code_rome");
            if (!fiches.containsKey(code)) {
                orphans.miss("appellation→fiche");
                return;
            }
            appellations[0]++;
            List<String> list = titles.computeIfAbsent(code, k -> new ArrayList<>());
            list.add(r.get("libelle_appellation_long"));
            String shortLabel = r.get("libelle_appellation_court");
            if (!shortLabel.equals(r.get("libelle_appellation_long"))) {
                list.add(shortLabel);
            }
        });

        // Texts come one sentence per row, with a position; TreeMap keeps them in order.
        Map<String, Map<String, TreeMap<Integer, String>>> texts = new HashMap<>();
        Csv.forEachRecord(file("texte"), ',', r -> texts
                .computeIfAbsent(r.get("code_rome"), k -> new HashMap<>())
                .computeIfAbsent(r.get("libelle_type_texte"), k -> new TreeMap<>())
                .put(parseInt(r.get("position_phrase")), unescape(r.get("libelle_texte"))));

        List<Occupation> occupations = new ArrayList<>();
        for (Fiche f : fiches.values()) {
            Map<String, TreeMap<Integer, String>> t = texts.getOrDefault(f.code(), Map.of());
            String definition = sentences(t.get("definition"));
            String access = sentences(t.get("acces_metier"));
            String domain = f.code().length() >= 3 ? domains.getOrDefault(f.code().substring(0, 3), "") : "";
            List<String> labels = titles.getOrDefault(f.code(), List.of()).stream().filter(l -> !l.equals(f.title())).distinct().toList();
            occupations.add(new Occupation(SCHEME + ":" + f.code(), SCHEME, f.code(), "", f.title(), "",
                    labels, List.of(), definition, access, "FR", f.parent().equals(f.code()) ? "" : f.parent(), domain,
                    f.tags(), Provenance.of(SCHEME, "ROME 4.0 " + version)));
        }

        // Skills: unix_item labels every code_ogr and says its rubrique (1 savoir-faire, 2 savoir-être, 3 savoirs).
        Map<String, String[]> competenceInfo = new HashMap<>();
        Csv.forEachRecord(file("referentiel_competence"), ',', r -> competenceInfo.put(r.get("code_ogr"),
                new String[] {r.get("sous_cat_comp"), r.get("definition")}));
        Map<String, String> savoirCategory = new HashMap<>();
        Csv.forEachRecord(file("referentiel_savoir"), ',', r -> savoirCategory.put(r.get("code_ogr_savoir"), r.get("categorie_savoir")));
        Map<String, Skill> skills = new LinkedHashMap<>();
        Csv.forEachRecord(file("item"), ',', r -> {
            String kind = switch (r.get("code_rubrique")) {
                case "1" -> "savoir-faire";
                case "2" -> "savoir-être";
                case "3" -> "savoir";
                default -> null; // work contexts and other items are not skills
            };
            if (kind == null) {
                return;
            }
            String code = r.get("code_ogr");
            String[] info = competenceInfo.getOrDefault(code, new String[] {savoirCategory.getOrDefault(code, ""), ""});
            skills.put(code, new Skill(SCHEME + ":" + code, SCHEME, code, "", unescape(r.get("libelle")), "", "",
                    List.of(), kind, info[0], unescape(info[1]), Provenance.of(SCHEME, "ROME 4.0 " + version)));
        });

        Map<String, String> contextLabels = new HashMap<>();
        Csv.forEachRecord(file("referentiel_contexte_travail"), ',', r -> contextLabels.put(r.get("code_ogr"),
                r.get("libelle_cont_travail") + "\u0000" + r.get("libelle_type_cont_trav")));
        Map<String, String> core = new HashMap<>();
        Csv.forEachRecord(file("coherence_item"), ',', r -> core.put(r.get("code_rome") + "/" + r.get("code_ogr"), r.get("coeur_metier")));

        List<OccupationSkill> links = new ArrayList<>();
        List<WorkContext> contexts = new ArrayList<>();
        Csv.forEachRecord(file("liens_rome_referentiels"), ',', r -> {
            String rome = r.get("code_rome");
            String ogr = r.get("code_ogr");
            switch (r.get("code_compo_bloc")) {
                case "5" -> {
                    if (!fiches.containsKey(rome)) {
                        orphans.miss("skill link→fiche");
                    } else if (!skills.containsKey(ogr)) {
                        orphans.miss("skill link→item");
                    } else {
                        // "Principale" marks the core of the trade (coeur de métier): it weighs as essential.
                        boolean isCore = "Principale".equals(core.get(rome + "/" + ogr));
                        links.add(new OccupationSkill(SCHEME + ":" + rome, SCHEME + ":" + ogr, isCore ? "essential" : "optional", isCore));
                    }
                }
                case "6" -> {
                    String ctx = contextLabels.get(ogr);
                    if (ctx == null || !fiches.containsKey(rome)) {
                        orphans.miss("context link");
                    } else {
                        String[] parts = ctx.split("\u0000", 2);
                        contexts.add(new WorkContext(SCHEME + ":" + rome, parts[0], parts[1]));
                    }
                }
                default -> {
                    // bloc 1 (the fiche itself) and 2 (appellations) come from their own files
                }
            }
        });

        List<Mobility> mobilities = new ArrayList<>();
        Csv.forEachRecord(file("rubrique_mobilite"), ',', r -> {
            String from = r.get("code_rome");
            String to = r.get("code_rome_cible");
            if (!fiches.containsKey(from) || !fiches.containsKey(to)) {
                orphans.miss("mobilité→fiche");
                return;
            }
            mobilities.add(new Mobility(SCHEME + ":" + from, SCHEME + ":" + to, parseInt(r.get("numero_ordre"))));
        });

        return new RomeData(version, LICENCE, occupations, new ArrayList<>(skills.values()), links, mobilities, contexts,
                appellations[0], orphans);
    }

    private String readVersion() throws IOException {
        Path v = dir.resolve("version.txt");
        if (Files.exists(v)) {
            Matcher m = VERSION.matcher(Files.readString(v));
            if (m.find()) {
                return m.group(1).strip();
            }
        }
        return "v460";
    }

    /** ROME texts come as numbered lines, some without a final full stop; join them as sentences. */
    static String sentences(TreeMap<Integer, String> lines) {
        if (lines == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (String line : lines.values()) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(l);
            if (!l.matches(".*[.!?:;…]$")) {
                b.append('.');
            }
        }
        return b.toString();
    }

    static int parseInt(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
