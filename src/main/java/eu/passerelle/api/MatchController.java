package eu.passerelle.api;

import com.fasterxml.jackson.databind.JsonNode;
import eu.passerelle.config.Role;
import eu.passerelle.match.MatchService;
import eu.passerelle.match.ProfileInput;
import eu.passerelle.match.ProfileResolver;
import eu.passerelle.model.Json;
import eu.passerelle.model.RecordType;
import eu.passerelle.search.PhaseTimer;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** {@code POST /api/v1/match} and the stored candidate profiles. Parses and validates; the match package decides. */
final class MatchController {
    private static final Set<String> TARGETS = Set.of("occupation", "training", "posting");
    private static final Set<String> LANGS = Set.of("fr", "nl", "en");
    private static final Set<String> PROFILE_FIELDS = Set.of("text", "occupations", "skills", "qualifications", "location", "radiusKm", "countries", "languages", "wantedOccupations");
    private static final Pattern CANDIDATE_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    static final int DEFAULT_LIMIT = 10, MAX_LIMIT = 50, MAX_TEXT = 10_000, MAX_LIST = 50;

    private final MatchService match;
    private final eu.passerelle.store.CandidateStore candidates;
    private final Auth auth;

    MatchController(MatchService match, eu.passerelle.store.CandidateStore candidates, Auth auth) {
        this.match = match;
        this.candidates = candidates;
        this.auth = auth;
    }

    void match(Context ctx) {
        PhaseTimer timer = new PhaseTimer();
        JsonNode body = body(ctx);
        ProfileInput profile = profile(body.get("profile"));
        Set<RecordType> targets = targets(body.get("targets"));
        int limit = limit(body.get("limit"));
        String lang = lang(ctx.queryParam("lang"), body.get("lang"));
        timer.mark("parse");
        respond(ctx, () -> match.match(profile, targets, limit, lang, noCache(ctx), timer), timer);
    }

    void putCandidate(Context ctx) {
        auth.require(ctx, Role.ADVISOR, Role.ADMIN);
        String id = candidateId(ctx);
        JsonNode body = body(ctx);
        ProfileInput profile = profile(body.get("profile"));
        respond(ctx, () -> {
            match.validate(profile); // an unknown place is a 400 before anything is stored
            return null;
        });
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("id", id);
        stored.put("profile", profile);
        stored.put("updatedAt", Instant.now().toString());
        candidates.get(id).ifPresent(old -> match.forget(Json.read(old, StoredCandidate.class).profile()));
        boolean existed = candidates.put(id, Json.write(stored));
        ctx.status(existed ? 200 : 201).json(stored);
    }

    void getCandidate(Context ctx) {
        auth.require(ctx, Role.ADVISOR, Role.ADMIN);
        String id = candidateId(ctx);
        ctx.json(candidate(id));
    }

    void candidateMatches(Context ctx) {
        auth.require(ctx, Role.ADVISOR, Role.ADMIN);
        Params.onlyKnown(ctx, Set.of("targets", "limit", "lang"));
        StoredCandidate c = candidate(candidateId(ctx));
        Set<String> t = Params.list(ctx, "targets", TARGETS::contains, "occupation, training, posting", false);
        Set<RecordType> targets = t.isEmpty() ? Set.of(RecordType.OCCUPATION, RecordType.TRAINING, RecordType.POSTING)
                : t.stream().map(x -> RecordType.fromWire(x).orElseThrow()).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
        int limit = Params.integer(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        String lang = lang(ctx.queryParam("lang"), null);
        PhaseTimer timer = new PhaseTimer();
        respond(ctx, () -> match.match(c.profile(), targets, limit, lang, noCache(ctx), timer), timer);
    }

    void deleteCandidate(Context ctx) {
        auth.require(ctx, Role.ADVISOR, Role.ADMIN);
        StoredCandidate c = candidate(candidateId(ctx));
        match.forget(c.profile());
        candidates.delete(c.id());
        ctx.status(204);
    }

    record StoredCandidate(String id, ProfileInput profile, String updatedAt) {
    }

    private StoredCandidate candidate(String id) {
        return candidates.get(id).map(json -> Json.read(json, StoredCandidate.class))
                .orElseThrow(() -> ApiProblem.notFound("No candidate with id '" + id + "'."));
    }

    private static String candidateId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!CANDIDATE_ID.matcher(id).matches()) {
            throw ApiProblem.badParameter("id", "A candidate id is 1 to 100 letters, digits, '.', '_' or '-'.");
        }
        return id;
    }

    /** The language of the reasons: the query parameter, else the body's {@code lang}, else French. */
    private static String lang(String query, JsonNode body) {
        String lang = query != null ? query : body == null || body.isNull() ? null : body.isTextual() ? body.asText() : body.toString();
        if (lang == null) {
            return "fr";
        }
        String l = lang.strip().toLowerCase(Locale.ROOT);
        if (!LANGS.contains(l)) {
            throw ApiProblem.badParameter("lang", "'lang' must be one of fr, nl, en; got '" + lang + "'.");
        }
        return l;
    }

    private static boolean noCache(Context ctx) {
        String cc = ctx.header("Cache-Control");
        return cc == null || !cc.contains("no-cache");
    }

    private static void respond(Context ctx, Supplier<Map<String, Object>> answer) {
        respond(ctx, answer, null);
    }

    /** @param timer when given, the JSON writing is charged to it and its phases sent back as Server-Timing */
    private static void respond(Context ctx, Supplier<Map<String, Object>> answer, PhaseTimer timer) {
        try {
            Map<String, Object> a = answer.get();
            if (a != null && timer != null) {
                // The API's mapper, not the storage one: an empty list of results is an answer ("posting": []).
                byte[] body;
                try {
                    body = Json.MAPPER.writeValueAsBytes(a);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException("cannot write the match answer", e);
                }
                timer.mark("json");
                ctx.header("Server-Timing", timer.serverTiming());
                ctx.contentType("application/json").result(body);
            } else if (a != null) {
                ctx.json(a);
            }
        } catch (ProfileResolver.UnknownPlace e) {
            throw ApiProblem.badParameter("profile.location", "'profile.location' is neither lat,lon nor a known place in FR, BE, LU, DE, NL or CH: '" + e.getMessage() + "'.");
        }
    }

    static JsonNode body(Context ctx) {
        String raw = ctx.body();
        if (raw.isBlank()) {
            throw ApiProblem.badParameter("body", "The request needs a JSON body.");
        }
        try {
            JsonNode node = Json.MAPPER.readTree(raw);
            if (node == null || !node.isObject()) {
                throw ApiProblem.badParameter("body", "The body must be a JSON object.");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiProblem.badParameter("body", "The body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static ProfileInput profile(JsonNode p) {
        if (p == null || !p.isObject()) {
            throw ApiProblem.badParameter("profile", "'profile' is required: an object with at least one of text, occupations, skills, qualifications.");
        }
        p.fieldNames().forEachRemaining(f -> {
            if (!PROFILE_FIELDS.contains(f)) {
                throw ApiProblem.badParameter("profile." + f, "Unknown profile field '" + f + "'. Known: " + String.join(", ", PROFILE_FIELDS.stream().sorted().toList()) + ".");
            }
        });
        String text = p.hasNonNull("text") ? string(p.get("text"), "profile.text", MAX_TEXT) : null;
        List<String> occupations = strings(p.get("occupations"), "profile.occupations");
        List<String> skills = strings(p.get("skills"), "profile.skills");
        List<String> wanted = strings(p.get("wantedOccupations"), "profile.wantedOccupations");
        List<String> qualifications = strings(p.get("qualifications"), "profile.qualifications");
        String location = null;
        JsonNode loc = p.get("location");
        if (loc != null && !loc.isNull()) {
            if (loc.isTextual()) {
                location = string(loc, "profile.location", 200);
            } else if (loc.isObject() && loc.path("lat").isNumber() && loc.path("lon").isNumber()) {
                double lat = loc.get("lat").asDouble();
                double lon = loc.get("lon").asDouble();
                if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
                    throw ApiProblem.badParameter("profile.location", "'profile.location' lat must be within ±90 and lon within ±180.");
                }
                location = String.format(Locale.ROOT, "%.6f,%.6f", lat, lon);
            } else {
                throw ApiProblem.badParameter("profile.location", "'profile.location' is a place name or {\"lat\": .., \"lon\": ..}.");
            }
        }
        Double radius = null;
        if (p.hasNonNull("radiusKm")) {
            if (!p.get("radiusKm").isNumber() || p.get("radiusKm").asDouble() <= 0 || p.get("radiusKm").asDouble() > 500) {
                throw ApiProblem.badParameter("profile.radiusKm", "'profile.radiusKm' must be a number greater than 0 and at most 500.");
            }
            radius = p.get("radiusKm").asDouble();
        }
        List<String> countries = strings(p.get("countries"), "profile.countries");
        for (String c : countries) {
            if (!COUNTRY.matcher(c).matches()) {
                throw ApiProblem.badParameter("profile.countries", "'profile.countries' holds ISO two-letter codes such as FR, BE, LU; got '" + c + "'.");
            }
        }
        List<String> languages = strings(p.get("languages"), "profile.languages");
        ProfileInput in = new ProfileInput(text, occupations, skills, qualifications, location, radius,
                countries.stream().map(c -> c.toUpperCase(Locale.ROOT)).toList(), languages, wanted);
        if (!in.hasSubstance()) {
            throw ApiProblem.badParameter("profile", "The profile needs at least one of text, occupations, skills, qualifications.");
        }
        return in;
    }

    private static Set<RecordType> targets(JsonNode t) {
        if (t == null || t.isNull()) {
            return new LinkedHashSet<>(List.of(RecordType.OCCUPATION, RecordType.TRAINING, RecordType.POSTING));
        }
        Set<RecordType> out = new LinkedHashSet<>();
        for (String s : strings(t, "targets")) {
            if (!TARGETS.contains(s)) {
                throw ApiProblem.badParameter("targets", "'targets' has an unknown value '" + s + "'; expected occupation, training, posting.");
            }
            out.add(RecordType.fromWire(s).orElseThrow());
        }
        if (out.isEmpty()) {
            throw ApiProblem.badParameter("targets", "'targets' is empty; omit it for all three.");
        }
        return out;
    }

    private static int limit(JsonNode l) {
        if (l == null || l.isNull()) {
            return DEFAULT_LIMIT;
        }
        if (!l.isInt() || l.asInt() < 1 || l.asInt() > MAX_LIMIT) {
            throw ApiProblem.badParameter("limit", "'limit' must be a whole number between 1 and " + MAX_LIMIT + ".");
        }
        return l.asInt();
    }

    private static String string(JsonNode n, String name, int max) {
        if (!n.isTextual()) {
            throw ApiProblem.badParameter(name, "'" + name + "' must be a string.");
        }
        String s = n.asText().strip();
        if (s.length() > max) {
            throw ApiProblem.badParameter(name, "'" + name + "' is longer than " + max + " characters.");
        }
        eu.passerelle.ingest.RecordValidator.characters(s).ifPresent(why -> {
            throw ApiProblem.badParameter(name, "'" + name + "' " + why + ".");
        });
        return s;
    }

    private static List<String> strings(JsonNode n, String name) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw ApiProblem.badParameter(name, "'" + name + "' must be an array of strings.");
        }
        if (n.size() > MAX_LIST) {
            throw ApiProblem.badParameter(name, "'" + name + "' has more than " + MAX_LIST + " entries.");
        }
        for (JsonNode e : n) {
            String s = string(e, name, 300);
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
