package eu.passerelle.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import eu.passerelle.geo.Gazetteer;
import eu.passerelle.model.PlaceRef;
import eu.passerelle.model.Posting;
import eu.passerelle.model.Provenance;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads France Travail "Offres d'emploi v2" JSON: a search answer ({"resultats": [...]}), an array of
 * offers, or one offer. The ROME code, the skills (competences[].libelle) and the work place (lieuTravail,
 * with its coordinates when given, else its town resolved with GeoNames) are kept.
 */
public final class FranceTravailOffersReader {
    private final Gazetteer gazetteer;

    public FranceTravailOffersReader(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** Every offer of a document (the streaming path is {@link FeedImport#stream}). */
    public List<FeedResult<Posting>> read(String json) {
        return JsonRecords.collect(json, this::readOne);
    }

    FeedResult<Posting> readOne(int position, JsonNode o) {
        if (o == null || !o.isObject()) {
            return FeedResult.refused(position, "not a JSON object");
        }
        String id = o.path("id").asText("").strip();
        String title = o.path("intitule").asText("").strip();
        if (!id.matches("[A-Za-z0-9]{1,40}")) {
            return FeedResult.refused(position, "missing or invalid id");
        }
        if (title.isEmpty()) {
            return FeedResult.refused(position, "missing intitule");
        }
        JsonNode place = o.path("lieuTravail");
        // "57 - THIONVILLE" → "THIONVILLE"
        String town = place.path("libelle").asText("").replaceFirst("^\\s*\\d{2,3}\\s*-\\s*", "").strip();
        PlaceRef ref = null;
        if (place.hasNonNull("latitude") && place.hasNonNull("longitude")) {
            ref = new PlaceRef(town, place.get("latitude").asDouble(), place.get("longitude").asDouble(), "FR");
        } else if (!town.isEmpty()) {
            ref = gazetteer.resolve(town + ", FR").map(p -> new PlaceRef(town, p.lat(), p.lon(), "FR")).orElse(null);
        }
        List<String> skills = new ArrayList<>();
        o.path("competences").forEach(c -> {
            String label = c.path("libelle").asText("").strip();
            if (!label.isEmpty()) {
                skills.add(label);
            }
        });
        String rome = o.path("romeCode").asText("").strip();
        List<String> occupations = rome.matches("[A-N]\\d{4}") ? List.of("rome:" + rome) : List.of();
        return FeedResult.ok(position, new Posting("posting:francetravail-" + id, "francetravail", id, title,
                o.path("description").asText(""), o.path("entreprise").path("nom").asText(""), o.path("typeContrat").asText(""),
                o.path("dureeTravailLibelleConverti").asText(""), ref, "FR", occupations, skills, o.path("dateCreation").asText(""), "",
                o.path("origineOffre").path("urlOrigine").asText(""), Provenance.of("feed:francetravail", "France Travail Offres d'emploi v2"),
                occupations.isEmpty() ? o.path("appellationlibelle").asText(o.path("romeLibelle").asText("")).strip() : "", null));
    }
}
