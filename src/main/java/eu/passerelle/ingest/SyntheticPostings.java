package eu.passerelle.ingest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.passerelle.model.Json;
import eu.passerelle.model.Occupation;
import eu.passerelle.model.Place;
import eu.passerelle.model.Skill;
import eu.passerelle.store.RelationStore.OccupationSkill;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Generates demo and benchmark job posts for the sector along the FR/BE/LU border, as schema.org
 * JobPosting JSON-LD. Titles and skills are real ROME appellations and skills, places are real GeoNames
 * places, contract types are the ones each country uses; employers are fictitious and every record says
 * it is synthetic ({@code "passerelle:synthetic": true}). The same seed gives the same file.
 */
public final class SyntheticPostings {
    /** The sector: early childhood, childcare, school support and leisure centres. */
    static final List<String> SECTOR_FICHES = List.of("G1203", "G1202", "G1237", "K1202", "K1303", "K1307", "K1308",
            "K1310", "K1314", "J1304", "J1507", "K2113", "K2104", "K1306", "K1207");
    /** The border area: Ardennes, Meuse, north of Meurthe-et-Moselle and Moselle; Belgian Luxembourg and Namur; Luxembourg. */
    static final double MIN_LAT = 49.0, MAX_LAT = 50.5, MIN_LON = 4.4, MAX_LON = 6.6;
    private static final Map<String, List<String>> CONTRACTS = Map.of(
            "FR", List.of("CDI", "CDI", "CDD", "CDD", "CEE (contrat d'engagement éducatif)", "apprentissage", "intérim"),
            "BE", List.of("CDI", "CDI", "CDD", "contrat de remplacement", "PFI (plan formation-insertion)"),
            "LU", List.of("CDI", "CDI", "CDD"));
    private static final List<String> EMPLOYER_KINDS = List.of("Crèche", "Multi-accueil", "Accueil de loisirs", "Maison d'enfants",
            "Association d'éducation populaire", "Commune", "Service d'accueil extrascolaire", "Établissement scolaire", "Halte-garderie");

    private SyntheticPostings() {
    }

    /** All the posts in memory: for small counts (tests); {@link #write} streams any count. */
    public static ArrayNode generate(RomeReader.RomeData rome, List<Place> places, int count, long seed) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        generate(rome, places, count, seed, out::add);
        return out;
    }

    /**
     * Writes the posts as one JSON array with one post per line (compact, yet a diff shows which records
     * changed), each written as soon as it is made: a million posts take the memory of one.
     *
     * @return how many were written
     */
    public static int write(RomeReader.RomeData rome, List<Place> places, int count, long seed, Writer out) throws IOException {
        int[] written = {0};
        out.write("[\n");
        try {
            generate(rome, places, count, seed, post -> {
                try {
                    out.write(Json.MAPPER.writeValueAsString(post));
                    out.write(++written[0] < count ? ",\n" : "\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.write("]\n");
        out.flush();
        return written[0];
    }

    /** Makes the posts one by one, each handed to {@code out} before the next is made. The same seed, the same posts. */
    public static void generate(RomeReader.RomeData rome, List<Place> places, int count, long seed, Consumer<ObjectNode> out) {
        Random random = new Random(seed);
        Map<String, Occupation> fiches = new HashMap<>();
        rome.occupations().forEach(o -> fiches.put(o.code(), o));
        Map<String, Skill> skills = new HashMap<>();
        rome.skills().forEach(s -> skills.put(s.id(), s));
        Map<String, List<OccupationSkill>> links = new HashMap<>();
        rome.links().forEach(l -> links.computeIfAbsent(l.occupationId(), k -> new ArrayList<>()).add(l));
        List<Place> area = places.stream()
                .filter(p -> List.of("FR", "BE", "LU").contains(p.country()))
                .filter(p -> p.lat() >= MIN_LAT && p.lat() <= MAX_LAT && p.lon() >= MIN_LON && p.lon() <= MAX_LON)
                .sorted(Comparator.comparing(Place::name).thenComparing(Place::country))
                .toList();
        List<String> fichesInData = SECTOR_FICHES.stream().filter(fiches::containsKey).toList();
        if (area.isEmpty() || fichesInData.isEmpty()) {
            throw new IllegalStateException("no places or no sector fiches to generate postings from");
        }
        LocalDate today = LocalDate.of(2026, 11, 1);
        for (int i = 1; i <= count; i++) {
            Occupation fiche = fiches.get(fichesInData.get(random.nextInt(fichesInData.size())));
            List<String> titles = new ArrayList<>(fiche.labels());
            titles.add(fiche.title());
            String title = titles.get(random.nextInt(titles.size()));
            Place place = area.get(random.nextInt(area.size()));
            List<String> contractTypes = CONTRACTS.get(place.country());
            String contract = contractTypes.get(random.nextInt(contractTypes.size()));
            List<OccupationSkill> ficheSkills = new ArrayList<>(links.getOrDefault(fiche.id(), List.of()));
            ficheSkills.sort(Comparator.comparing(OccupationSkill::core).reversed().thenComparing(OccupationSkill::skillId));
            int core = (int) ficheSkills.stream().filter(OccupationSkill::core).count();
            List<String> asked = new ArrayList<>();
            // Mostly core skills, a few peripheral ones: what a real ad for the trade would list.
            for (OccupationSkill l : ficheSkills.subList(0, Math.min(ficheSkills.size(), Math.max(core, 6)))) {
                if (asked.size() < 8 && random.nextInt(4) != 0) {
                    asked.add(skills.get(l.skillId()).label());
                }
            }
            String employer = EMPLOYER_KINDS.get(random.nextInt(EMPLOYER_KINDS.size())) + " (employeur fictif n° " + (1 + random.nextInt(400)) + ")";
            ObjectNode p = Json.MAPPER.createObjectNode();
            p.put("@context", "https://schema.org/");
            p.put("@type", "JobPosting");
            p.put("passerelle:synthetic", true);
            p.putObject("identifier").put("@type", "PropertyValue").put("propertyID", "passerelle-synthetic").put("value", String.format(Locale.ROOT, "%05d", i));
            p.put("title", title);
            p.put("description", "Offre synthétique de démonstration (pas une vraie offre). " + title + " à " + place.name() + ". " + fiche.definition());
            p.putObject("hiringOrganization").put("@type", "Organization").put("name", employer);
            ArrayNode employment = p.putArray("employmentType");
            employment.add(contract);
            employment.add(random.nextInt(3) == 0 ? "PART_TIME" : "FULL_TIME");
            ObjectNode location = p.putObject("jobLocation");
            location.put("@type", "Place");
            location.putObject("address").put("@type", "PostalAddress").put("addressLocality", place.name()).put("addressCountry", place.country());
            location.putObject("geo").put("@type", "GeoCoordinates").put("latitude", place.lat()).put("longitude", place.lon());
            p.putObject("occupationalCategory").put("@type", "CategoryCode").put("inCodeSet", "ROME 4.0").put("codeValue", fiche.code());
            ArrayNode skillArray = p.putArray("skills");
            asked.forEach(skillArray::add);
            LocalDate posted = today.minusDays(random.nextInt(60));
            p.put("datePosted", posted.toString());
            p.put("validThrough", posted.plusDays(60).toString());
            out.accept(p);
        }
    }
}
