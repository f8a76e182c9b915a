package eu.passerelle.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import eu.passerelle.geo.Gazetteer;
import eu.passerelle.model.PlaceRef;
import eu.passerelle.model.Posting;
import eu.passerelle.model.Provenance;
import eu.passerelle.model.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Le Forem's open-data job offers, the dataset {@code offres-d-emploi-forem} published on the
 * Opendatasoft platform of Open Data Wallonie-Bruxelles, in the shapes that platform serves: the JSON export
 * (an array of flat records), the JSON Lines export (one flat record per line), the Explore API v2.1
 * ({@code {"total_count":…, "results":[…]}}), v2.0 ({@code records[].record.fields}) and the records API v1
 * ({@code records[].fields}).
 *
 * <p>The dataset carries no ad text and no occupation code: it names the occupation in words
 * ({@code metier}) and states what the post asks in structured fields (contract, hours, languages, driving
 * licence, education, experience). Those become the post's summary, and {@code metier} is handed to the
 * classifier, which places the post under a ROME fiche and says how sure it is.
 */
public final class LeForemOffersReader {
    /** The field that tells a Le Forem record from any other JSON. */
    public static final String ID_FIELD = "numerooffreforem";
    static final String SOURCE = "leforem";
    /** Le Forem's contract types, in the words the other feeds use, so the contract facet groups them. */
    private static final Map<String, String> CONTRACTS = Map.ofEntries(
            Map.entry("duree indeterminee", "CDI"),
            Map.entry("duree determinee", "CDD"),
            Map.entry("interimaire", "intérim"),
            Map.entry("interimaire avec option sur duree indeterminee", "intérim"),
            Map.entry("remplacement", "contrat de remplacement"),
            Map.entry("contrat d apprentissage", "apprentissage"),
            Map.entry("etudiant", "job étudiant"),
            Map.entry("flexi jobs", "flexi-job"),
            Map.entry("contrat collaboration independant", "indépendant"),
            Map.entry("salarie statutaire", "statutaire"),
            Map.entry("nettement defini", "travail nettement défini"),
            Map.entry("journalier occasionnel ou saisonnier", "saisonnier"));

    private static final java.util.regex.Pattern LINKING_WORD = java.util.regex.Pattern.compile("(?<=-)(En|Sur|Sous|Lez|Les|La|Le|De|Du|Des|Aux)(?=-)");

    private final Gazetteer gazetteer;

    public LeForemOffersReader(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** Whether the start of a document looks like Le Forem's dataset, in any of its shapes. */
    public static boolean recognises(String head) {
        return head.contains("\"" + ID_FIELD + "\"");
    }

    /** Every record of a document in one of Opendatasoft's shapes (the streaming path is {@link FeedImport#stream}). */
    public List<FeedResult<Posting>> read(String content) {
        return JsonRecords.collect(content, this::readOne);
    }

    /** One record, flat or wrapped in "fields" / "record.fields". */
    FeedResult<Posting> readOne(int position, JsonNode node) {
        // v1 wraps the fields in "fields", v2.0 in "record.fields"; the exports and v2.1 give them flat.
        JsonNode o = node.has("fields") ? node.get("fields") : node.path("record").has("fields") ? node.path("record").get("fields") : node;
        if (!o.isObject()) {
            return FeedResult.refused(position, "not a JSON object");
        }
        String number = first(o.get(ID_FIELD));
        String title = first(o.get("titreoffre"));
        if (!number.matches("[A-Za-z0-9]{1,40}")) {
            return FeedResult.refused(position, "missing or invalid " + ID_FIELD);
        }
        if (title.isEmpty()) {
            return FeedResult.refused(position, "missing titreoffre");
        }
        String country = country(o);
        List<String> towns = all(o.get("lieuxtravaillocalite")).stream().map(LeForemOffersReader::townName).distinct().toList();
        PlaceRef place;
        try {
            place = place(o.get("lieuxtravailgeo"), towns, country);
        } catch (IllegalArgumentException e) {
            return FeedResult.refused(position, e.getMessage());
        }
        if (country.isEmpty()) {
            // Without a NUTS code the place says where the post is; Le Forem's offers are Belgian otherwise.
            country = place != null && !place.country().isEmpty() ? place.country() : "BE";
        }
        if (place != null && place.country().isEmpty()) {
            place = new PlaceRef(place.name(), place.lat(), place.lon(), country);
        }
        String contractLabel = first(o.get("typecontrat"));
        String contract = CONTRACTS.getOrDefault(Text.fold(contractLabel), contractLabel);
        String occupationText = String.join(" ; ", all(o.get("metier")));
        return FeedResult.ok(position, new Posting("posting:" + SOURCE + "-" + number, SOURCE, number, title,
                summary(o, towns), first(o.get("nomemployeur")), contract, first(o.get("regimetravail")), place, country,
                List.of(), List.of(), first(o.get("datedebutdiffusion")), "", first(o.get("url")),
                Provenance.of("feed:" + SOURCE, "Le Forem, open data « offres-d-emploi-forem » (Open Data Wallonie-Bruxelles)"),
                occupationText, null));
    }

    /** The country from the first NUTS region code ("BE341" → BE), empty when there is none. */
    private static String country(JsonNode o) {
        for (String nuts : all(o.get("lieuxtravailregionnuts"))) {
            if (nuts.length() >= 2 && Character.isLetter(nuts.charAt(0)) && Character.isLetter(nuts.charAt(1))) {
                String code = nuts.substring(0, 2).toUpperCase(Locale.ROOT);
                return code.equals("EL") ? "GR" : code;
            }
        }
        return "";
    }

    /** The first work place: its coordinates when given, else its town found in GeoNames. */
    private PlaceRef place(JsonNode geo, List<String> towns, String country) {
        String name = towns.isEmpty() ? "" : towns.get(0);
        double[] point = point(geo);
        if (point != null) {
            if (Math.abs(point[0]) > 90 || Math.abs(point[1]) > 180) {
                throw new IllegalArgumentException("lieuxtravailgeo is not a point on Earth");
            }
            return new PlaceRef(name.isEmpty() ? "?" : name, point[0], point[1], country);
        }
        if (name.isEmpty()) {
            return null;
        }
        return (country.isEmpty() ? gazetteer.resolve(name) : gazetteer.resolve(name + ", " + country).or(() -> gazetteer.resolve(name)))
                .map(p -> new PlaceRef(name, p.lat(), p.lon(), p.country())).orElse(null);
    }

    /**
     * A geo point as Opendatasoft writes it: {"lat":…, "lon":…} in the exports and v2 APIs, [lat, lon] in the
     * v1 API; a multi-valued field is an array of those.
     */
    private static double[] point(JsonNode g) {
        if (g == null || g.isNull()) {
            return null;
        }
        if (g.isObject() && g.has("lat") && g.has("lon") && g.get("lat").isNumber() && g.get("lon").isNumber()) {
            return new double[] {g.get("lat").asDouble(), g.get("lon").asDouble()};
        }
        if (g.isArray() && g.size() == 2 && g.get(0).isNumber() && g.get(1).isNumber()) {
            return new double[] {g.get(0).asDouble(), g.get(1).asDouble()};
        }
        if (g.isArray() && !g.isEmpty()) {
            return point(g.get(0));
        }
        return null;
    }

    /** What the post asks, in plain lines, as Le Forem gives it (the dataset has no ad text). */
    private static String summary(JsonNode o, List<String> towns) {
        List<String> lines = new ArrayList<>();
        line(lines, "Métier", all(o.get("metier")));
        List<String> contract = new ArrayList<>(all(o.get("typecontrat")));
        contract.addAll(all(o.get("regimetravail")));
        line(lines, "Contrat", contract);
        line(lines, "Lieux de travail", towns);
        line(lines, "Langues", all(o.get("langues")));
        line(lines, "Permis de conduire", all(o.get("permisdeconduire")));
        line(lines, "Études", all(o.get("niveauxetudes")));
        line(lines, "Expérience", all(o.get("experiencerequise")));
        line(lines, "Secteur", all(o.get("secteurs")));
        line(lines, "Diffusée par", all(o.get("source")));
        lines.add("(Résumé tiré des données ouvertes du Forem ; l'annonce complète est sur la page de l'offre.)");
        return String.join("\n", lines);
    }

    private static void line(List<String> lines, String label, List<String> values) {
        if (!values.isEmpty()) {
            lines.add(label + " : " + String.join(", ", values));
        }
    }

    /** Towns are often written in capitals ("ARLON"); shown as names ("Arlon", "Marche-en-Famenne"). */
    static String townName(String town) {
        if (!town.equals(town.toUpperCase(Locale.ROOT))) {
            return town;
        }
        StringBuilder b = new StringBuilder(town.length());
        boolean start = true;
        for (char c : town.toLowerCase(Locale.ROOT).toCharArray()) {
            b.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ' || c == '-' || c == '\'';
        }
        // Articles inside compound names stay lower-case, as GeoNames writes them.
        return LINKING_WORD.matcher(b).replaceAll(m -> m.group().toLowerCase(Locale.ROOT));
    }

    private static String first(JsonNode n) {
        List<String> values = all(n);
        return values.isEmpty() ? "" : values.get(0);
    }

    /** A field's values: Opendatasoft gives a multi-valued field as an array, a single one as a value. */
    private static List<String> all(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(v -> {
                if (v.isValueNode() && !v.asText("").isBlank()) {
                    out.add(v.asText().strip());
                }
            });
        } else if (n.isValueNode() && !n.asText("").isBlank()) {
            out.add(n.asText().strip());
        }
        return out;
    }
}
