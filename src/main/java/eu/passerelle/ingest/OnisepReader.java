package eu.passerelle.ingest;

import eu.passerelle.model.Provenance;
import eu.passerelle.model.Training;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the ONISEP Idéo list of initial trainings in France. A row with an RNCP code becomes the
 * certification record {@code rncp:RNCP<code>}; a second row for the same code (another track of the same
 * diploma) and rows without a code become {@code training:onisep-for-<n>} records.
 */
public final class OnisepReader {
    public static final String VERSION = "2022";
    public static final String LICENCE = "ONISEP open data (data.gouv.fr), Licence Ouverte";
    private static final Pattern SLUG = Pattern.compile("(FOR\\.\\d+)");

    public record OnisepData(List<Training> trainings, OrphanCounter orphans) {
    }

    public static OnisepData read(Path dir) throws IOException {
        OrphanCounter orphans = new OrphanCounter();
        List<Training> trainings = new ArrayList<>();
        Set<String> seenCertifications = new HashSet<>();
        Set<String> seenIds = new HashSet<>();
        Csv.forEachRecord(dir.resolve("ideo-formations_initiales_en_france.csv"), ';', r -> {
            String url = r.get("lien site onisep.fr");
            Matcher m = SLUG.matcher(url);
            String slug = m.find() ? m.group(1).toLowerCase().replace('.', '-') : "row-" + r.number();
            String rncp = r.get("code RNCP");
            List<String> certifications = rncp.isEmpty() ? List.of() : List.of("RNCP" + rncp);
            String id = !rncp.isEmpty() && seenCertifications.add(rncp) ? "rncp:RNCP" + rncp : "training:onisep-" + slug;
            if (!seenIds.add(id)) {
                orphans.miss("duplicate row");
                return;
            }
            String level = r.get("niveau RNCP");
            String type = r.get("libellé type formation");
            String title = r.get("libellé formation principal");
            String acronym = r.get("sigle formation");
            List<String> domains = Arrays.stream(r.get("domaine/sous-domaine").split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            String authority = r.get("tutelle");
            String description = type + (acronym.isEmpty() ? "" : " (" + acronym + ")") + ". " + String.join(" ; ", domains);
            trainings.add(new Training(id, "certification", title, certifications, "0".equals(level) ? "" : level,
                    r.get("libellé niveau RNCP"), r.get("durée"), null, "", "", "", "", "", List.of(), List.of(), "FR",
                    "non renseigné".equals(authority) ? "" : authority, domains, "", url, List.of(), description,
                    Provenance.of("onisep", url)));
        });
        return new OnisepData(trainings, orphans);
    }

    private OnisepReader() {
    }
}
