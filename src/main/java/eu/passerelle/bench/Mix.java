package eu.passerelle.bench;

import eu.passerelle.eval.Judgments;
import eu.passerelle.eval.MatchEvaluation;
import eu.passerelle.model.Json;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The requests the benchmark sends: the relevance set's queries (with and without their filters), text and
 * place, postings alone with and without a place, filters alone; and the match set's profiles, each with two
 * or three targets in turn so that consecutive requests differ.
 */
final class Mix {
    /** One search as its parameters, so the same request can be sent over HTTP and rebuilt on raw Lucene. */
    record Search(Map<String, String> params) {
        String path() {
            List<String> kv = new ArrayList<>();
            params.forEach((k, v) -> kv.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return "/api/v1/search?" + String.join("&", kv);
        }
    }

    private Mix() {
    }

    static List<Search> searches(Path judgments) throws IOException {
        List<Search> out = new ArrayList<>();
        for (Judgments.Case c : Judgments.read(judgments).cases()) {
            Map<String, String> withFilters = new LinkedHashMap<>();
            withFilters.put("q", c.query());
            c.params().forEach((k, v) -> withFilters.put(k, java.net.URLDecoder.decode(v, StandardCharsets.UTF_8)));
            out.add(new Search(withFilters));
            out.add(new Search(Map.of("q", c.query())));
        }
        for (String place : List.of("Arlon", "Virton", "Longwy", "Luxembourg", "Thionville", "Bastogne", "49.68,5.82")) {
            out.add(new Search(ordered("near", place, "type", "posting")));
            out.add(new Search(ordered("q", "animateur", "near", place, "radiusKm", "30")));
            out.add(new Search(ordered("q", "auxiliaire de puériculture", "type", "posting", "country", "BE,LU", "near", place)));
        }
        for (String q : List.of("animateur", "auxiliaire de puériculture", "assistante maternelle", "éducateur de jeunes enfants",
                "aide à domicile", "accompagnant éducatif", "directeur de crèche")) {
            out.add(new Search(ordered("q", q, "type", "posting")));
        }
        out.add(new Search(ordered("type", "training", "level", "3")));
        out.add(new Search(ordered("type", "training", "modality", "hybride")));
        out.add(new Search(ordered("q", "petite enfance", "facets", "all")));
        out.add(new Search(ordered("q", "animateur", "type", "posting", "country", "BE", "facets", "type,country,scheme")));
        return out;
    }

    /** Match requests: every distinct profile of the match set, targets rotating among 2-3 of the three. */
    static List<String> matches(Path judgments) throws IOException {
        List<List<String>> targets = List.of(List.of("occupation", "training"), List.of("occupation", "training", "posting"),
                List.of("training", "posting"), List.of("occupation", "posting"));
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int i = 0;
        for (var c : MatchEvaluation.read(judgments)) {
            String profile = Json.MAPPER.writeValueAsString(c.profile());
            if (seen.add(profile)) {
                out.add("{\"profile\":" + profile + ",\"targets\":" + Json.MAPPER.writeValueAsString(targets.get(i++ % targets.size())) + ",\"limit\":10}");
            }
        }
        return out;
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
