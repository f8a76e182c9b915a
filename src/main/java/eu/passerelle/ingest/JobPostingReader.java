package eu.passerelle.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import eu.passerelle.geo.Gazetteer;
import eu.passerelle.model.Place;
import eu.passerelle.model.PlaceRef;
import eu.passerelle.model.Posting;
import eu.passerelle.model.Provenance;
import eu.passerelle.model.Text;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads schema.org {@code JobPosting} JSON-LD: a single object, an array, an {@code @graph}, or NDJSON
 * (one object per line). Locations are taken from {@code geo} when given, else resolved from the locality
 * with the gazetteer. ROME codes are read from {@code occupationalCategory}. A record flagged
 * {@code "passerelle:synthetic": true} is kept as synthetic.
 */
public final class JobPostingReader {
    private static final Pattern ROME_CODE = Pattern.compile("\\b([A-N]\\d{4})\\b");
    private static final Pattern TAGS = Pattern.compile("<[^>]+>");
    private static final Pattern SOURCE_ID = Pattern.compile("[^A-Za-z0-9._-]+");
    private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Skills given as one text list them with commas, semicolons or lines. */
    private static final Pattern SKILL_SEPARATORS = Pattern.compile("[,;\n]");
    private static final Map<String, String> COUNTRIES = Map.ofEntries(
            Map.entry("france", "FR"), Map.entry("fr", "FR"), Map.entry("belgique", "BE"), Map.entry("belgium", "BE"),
            Map.entry("belgie", "BE"), Map.entry("be", "BE"), Map.entry("luxembourg", "LU"), Map.entry("lu", "LU"),
            Map.entry("allemagne", "DE"), Map.entry("germany", "DE"), Map.entry("deutschland", "DE"), Map.entry("de", "DE"),
            Map.entry("pays bas", "NL"), Map.entry("netherlands", "NL"), Map.entry("nederland", "NL"), Map.entry("nl", "NL"),
            Map.entry("suisse", "CH"), Map.entry("switzerland", "CH"), Map.entry("ch", "CH"));
    private static final Map<String, String> EMPLOYMENT_TYPES = Map.of(
            "TEMPORARY", "CDD", "CONTRACTOR", "indépendant", "INTERN", "stage", "VOLUNTEER", "bénévolat",
            "PER_DIEM", "vacation", "OTHER", "autre");

    private final Gazetteer gazetteer;
    private final String source;

    /** @param source the feed's short name, part of every posting id ("posting:&lt;source&gt;-&lt;id&gt;") */
    public JobPostingReader(Gazetteer gazetteer, String source) {
        this.gazetteer = gazetteer;
        this.source = SOURCE_ID.matcher(source).replaceAll("-");
    }

    /** Reads a whole document: JSON (object, array or @graph) or NDJSON (the streaming path is {@link FeedImport#stream}). */
    public List<FeedResult<Posting>> read(String content) {
        return JsonRecords.collect(content, this::readOne);
    }

    public FeedResult<Posting> readOne(int position, JsonNode n) {
        if (n == null || !n.isObject()) {
            return FeedResult.refused(position, "expected a JSON object");
        }
        String type = text(n.get("@type"));
        if (!type.isEmpty() && !type.equals("JobPosting")) {
            return FeedResult.refused(position, "@type is '" + type + "', expected JobPosting");
        }
        String title = text(n.get("title"));
        if (title.isEmpty()) {
            return FeedResult.refused(position, "missing title");
        }
        String sourceId = identifier(n);
        if (sourceId.isEmpty()) {
            return FeedResult.refused(position, "missing identifier (identifier, @id or url)");
        }
        String description = plain(text(n.get("description")));
        JsonNode org = n.get("hiringOrganization");
        String employer = org == null ? "" : org.isObject() ? text(org.get("name")) : text(org);

        String contract = "";
        String workingTime = "";
        for (String e : values(n.get("employmentType"))) {
            switch (e) {
                case "FULL_TIME" -> workingTime = "temps plein";
                case "PART_TIME" -> workingTime = "temps partiel";
                default -> contract = contract.isEmpty() ? EMPLOYMENT_TYPES.getOrDefault(e, e) : contract;
            }
        }

        JsonNode location = n.get("jobLocation");
        if (location != null && location.isArray()) {
            location = location.isEmpty() ? null : location.get(0);
        }
        PlaceRef place = null;
        String country = "";
        if (location != null) {
            JsonNode address = location.get("address");
            String locality = address == null ? "" : text(address.get("addressLocality"));
            JsonNode countryNode = address == null ? null : address.get("addressCountry");
            String countryText = countryNode == null ? "" : countryNode.isObject() ? text(countryNode.get("name")) : text(countryNode);
            country = COUNTRIES.getOrDefault(Text.fold(countryText), countryText.length() == 2 ? countryText.toUpperCase(Locale.ROOT) : "");
            JsonNode geo = location.get("geo");
            if (geo != null && geo.hasNonNull("latitude") && geo.hasNonNull("longitude")) {
                place = new PlaceRef(locality.isEmpty() ? "?" : locality, geo.get("latitude").asDouble(), geo.get("longitude").asDouble(), country);
            } else if (!locality.isEmpty()) {
                String query = country.isEmpty() ? locality : locality + ", " + country;
                Place resolved = gazetteer.resolve(query).or(() -> gazetteer.resolve(locality)).orElse(null);
                if (resolved != null) {
                    place = new PlaceRef(locality, resolved.lat(), resolved.lon(), resolved.country());
                    if (country.isEmpty()) {
                        country = resolved.country();
                    }
                }
            }
        }
        if (place != null && (Math.abs(place.lat()) > 90 || Math.abs(place.lon()) > 180)) {
            return FeedResult.refused(position, "jobLocation.geo is not a point on Earth");
        }

        Set<String> occupations = new LinkedHashSet<>();
        List<String> categoryWords = new ArrayList<>();
        for (String c : values(n.get("occupationalCategory"))) {
            Matcher m = ROME_CODE.matcher(c);
            boolean coded = false;
            while (m.find()) {
                occupations.add("rome:" + m.group(1));
                coded = true;
            }
            // Written-out categories ("Auxiliaire de puériculture") are read by the classifier; bare codes of
            // other nomenclatures (ISCO "5311") say nothing it can read.
            if (!coded && c.chars().anyMatch(Character::isLetter)) {
                categoryWords.add(c.strip());
            }
        }
        List<String> skills = new ArrayList<>();
        for (String s : values(n.get("skills"))) {
            for (String part : SKILL_SEPARATORS.split(s)) {
                if (!part.isBlank()) {
                    skills.add(part.strip());
                }
            }
        }
        boolean synthetic = n.path("passerelle:synthetic").asBoolean(false);
        String url = text(n.get("url"));
        String feed = synthetic ? "synthetic" : source;
        Provenance provenance = new Provenance(synthetic ? "synthetic" : "feed:" + source,
                synthetic ? "generated by Passerelle's demo posting generator: not a real job offer" : url, false, synthetic);
        return FeedResult.ok(position, new Posting("posting:" + feed + "-" + sourceId, feed, sourceId, title, description,
                employer, contract, workingTime, place, country, List.copyOf(occupations), skills,
                text(n.get("datePosted")), text(n.get("validThrough")), url, provenance,
                occupations.isEmpty() ? String.join(" ; ", categoryWords) : "", null));
    }

    private static String identifier(JsonNode n) {
        JsonNode id = n.get("identifier");
        String value = id == null ? "" : id.isObject() ? text(id.get("value")) : text(id);
        if (value.isEmpty()) {
            value = text(n.get("@id"));
        }
        if (value.isEmpty()) {
            value = text(n.get("url"));
        }
        return EDGE_DASHES.matcher(SOURCE_ID.matcher(value).replaceAll("-")).replaceAll("");
    }

    /** The ad's text without its HTML tags, runs of white space made one space (patterns compiled once: every post goes here). */
    static String plain(String description) {
        String text = description.indexOf('<') >= 0 ? TAGS.matcher(description).replaceAll(" ") : description;
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /** A string, an array of strings, or objects with name / codeValue. */
    private static List<String> values(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(v -> out.addAll(values(v)));
        } else if (n.isObject()) {
            String v = n.has("codeValue") ? text(n.get("codeValue")) : text(n.get("name"));
            if (!v.isEmpty()) {
                out.add(v);
            }
        } else if (!text(n).isEmpty()) {
            out.add(text(n));
        }
        return out;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.isContainerNode() ? "" : n.asText().strip();
    }
}
