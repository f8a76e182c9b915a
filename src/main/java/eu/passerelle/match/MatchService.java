package eu.passerelle.match;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import eu.passerelle.index.SearchIndex;
import eu.passerelle.model.RecordType;
import eu.passerelle.search.PhaseTimer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /api/v1/match}: resolve the profile, rank the requested targets, say how the words were
 * understood. Answers are cached by profile, targets, limit and the searcher that answered, so a write to the index
 * is never answered from before it; a profile's answers can be evicted at once (candidate erasure).
 */
public final class MatchService {
    /** Answers kept, bounded by their size (characters of their JSON): 64 clients must not fill the heap. */
    private static final long CACHE_JSON_CHARS = 32L << 20;

    private final ProfileResolver resolver;
    private final Matcher matcher;
    private final SearchIndex index;
    /**
     * About the characters of a value's JSON, counted by walking it: weighing an answer by writing it out cost a second
     * JSON serialisation per match (~6 % of its CPU). Strings count their length plus quotes, everything else a little.
     */
    static int jsonChars(Object value) {
        if (value instanceof CharSequence s) {
            return s.length() + 2;
        }
        if (value instanceof Map<?, ?> m) {
            int n = 2;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                n += String.valueOf(e.getKey()).length() + 4 + jsonChars(e.getValue());
            }
            return n;
        }
        if (value instanceof java.util.Collection<?> c) {
            int n = 2;
            for (Object o : c) {
                n += 1 + jsonChars(o);
            }
            return n;
        }
        if (value instanceof Reason r) {
            return r.code().length() + 12 + jsonChars(r.params());
        }
        return 8; // a number, a boolean, null, or a small record
    }

    /** Groups the ranked occupations by concept (one per occupation, under the referential that fits the person). */
    private final eu.passerelle.search.ConceptSearch concepts;
    private final Cache<Key, Map<String, Object>> cache = Caffeine.newBuilder().executor(Runnable::run)
            .maximumWeight(CACHE_JSON_CHARS).weigher((Key k, Map<String, Object> v) -> jsonChars(v))
            .expireAfterWrite(Duration.ofMinutes(10)).recordStats().build();

    /** @param searcherVersion the searcher that answered: a refresh showing a write makes older answers unreachable */
    private record Key(ProfileInput profile, Set<RecordType> targets, int limit, String lang, long searcherVersion) {
    }

    public MatchService(ProfileResolver resolver, Matcher matcher, SearchIndex index) {
        this(resolver, matcher, index, null);
    }

    public MatchService(ProfileResolver resolver, Matcher matcher, SearchIndex index, eu.passerelle.search.ConceptSearch concepts) {
        this.resolver = resolver;
        this.matcher = matcher;
        this.index = index;
        this.concepts = concepts;
    }

    public Map<String, Object> match(ProfileInput profile, Set<RecordType> targets, int limit, boolean useCache) {
        return match(profile, targets, limit, ReasonRenderer.DEFAULT_LANG, useCache);
    }

    /** @param lang the language of reasons and resolution notes: fr, nl or en */
    public Map<String, Object> match(ProfileInput profile, Set<RecordType> targets, int limit, String lang, boolean useCache) {
        return match(profile, targets, limit, lang, useCache, new PhaseTimer());
    }

    /**
     * @param timer charged with each phase (resolve, candidates, ranking, explanations): the API layer sends it back as
     *              Server-Timing, the benchmark reads it from outside
     */
    public Map<String, Object> match(ProfileInput profile, Set<RecordType> targets, int limit, String lang, boolean useCache, PhaseTimer timer) {
        long version = index.searcherVersion();
        Key key = new Key(profile, targets, limit, lang, version);
        if (useCache) {
            Map<String, Object> cached = cache.getIfPresent(key);
            if (cached != null) {
                return cached;
            }
        }
        long start = System.nanoTime();
        ResolvedProfile resolved = resolver.resolve(profile);
        timer.mark("resolve");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("results", concepts == null ? matcher.match(resolved, targets, limit, lang, timer) : grouped(profile, resolved, targets, limit, lang, timer));
        answer.put("profile", describe(resolved, lang));
        timer.mark("explanations");
        answer.put("tookMs", (System.nanoTime() - start) / 1_000_000);
        if (index.searcherVersion() == version) { // else parts of it may come from the searcher before a write
            cache.put(key, answer);
        }
        return answer;
    }

    /**
     * The ranked lists with occupations grouped by concept: twice the page is ranked so that an occupation's
     * equivalent ranked just below the page can still lead its group, then each list is cut to the page.
     */
    private Map<String, List<Map<String, Object>>> grouped(ProfileInput profile, ResolvedProfile resolved, Set<RecordType> targets, int limit, String lang, PhaseTimer timer) {
        Map<String, List<Map<String, Object>>> ranked = matcher.match(resolved, targets, targets.contains(RecordType.OCCUPATION) ? 2 * limit : limit, lang, timer);
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        ranked.forEach((target, items) -> {
            List<Map<String, Object>> list = new ArrayList<>();
            items.forEach(i -> list.add(new LinkedHashMap<>(i)));
            boolean occupations = target.equals(RecordType.OCCUPATION.wireName());
            if (occupations) {
                // The person's own occupations never head a group of suggestions.
                Set<String> own = new java.util.HashSet<>();
                resolved.occupations().forEach(o -> own.add(o.id()));
                concepts.group(list, preferredScheme(profile, resolved.place(), lang), lang, own);
            }
            List<Map<String, Object>> page = list.subList(0, Math.min(limit, list.size()));
            out.put(target, List.copyOf(occupations ? inLanguage(eu.passerelle.search.ConceptSearch.withoutShown(page), lang) : page));
        });
        timer.mark("ranking"); // grouping by concept reorders the ranked occupations
        return out;
    }

    /**
     * Occupation rows in the reader's language, as a search shows them ({@link eu.passerelle.search.LabelLanguage}):
     * the Dutch title where the referential has one, the French one kept as {@code titleFr}, and {@code labelLang}.
     * A ranked occupation carries only its French title, so its Dutch one is taken from the concepts.
     */
    private List<Map<String, Object>> inLanguage(List<Map<String, Object>> occupations, String lang) {
        List<Map<String, Object>> out = new ArrayList<>(occupations.size());
        for (Map<String, Object> item : occupations) {
            Map<String, Object> withNl = new LinkedHashMap<>(item);
            String nl = concepts.concepts().label(String.valueOf(item.get("id")), "nl");
            if (!withNl.containsKey("titleNl") && nl != null && !nl.equals(item.get("title"))) {
                withNl.put("titleNl", nl);
            }
            out.add(eu.passerelle.search.LabelLanguage.item(withNl, lang));
        }
        return out;
    }

    /**
     * French jobseekers see ROME fiches, Dutch-speaking or Belgian ones Compétent profiles. A profile that states
     * neither languages nor countries is read from what it has: the answer's language, and the country of its place
     * (a profile near Arlon is Belgian).
     */
    static String preferredScheme(ProfileInput profile, eu.passerelle.model.Place place, String lang) {
        boolean dutch = profile.languages().isEmpty() ? "nl".equals(lang)
                : profile.languages().stream().anyMatch(l -> l.equalsIgnoreCase("nl")) && profile.languages().stream().noneMatch(l -> l.equalsIgnoreCase("fr"));
        boolean belgian = profile.countries().isEmpty() ? place != null && "BE".equalsIgnoreCase(place.country())
                : profile.countries().contains("BE") && !profile.countries().contains("FR");
        return eu.passerelle.search.Concepts.preferredScheme(Set.of(), dutch ? "nl" : "fr", belgian ? Set.of("BE") : Set.of());
    }

    /** Checks what can be checked before storing a profile: its place is known (else UnknownPlace). */
    public void validate(ProfileInput profile) {
        resolver.place(profile);
    }

    /** Drops every cached answer computed from this profile (whatever the targets, limit or generation). */
    public void forget(ProfileInput profile) {
        cache.asMap().keySet().removeIf(k -> k.profile().equals(profile));
    }

    public boolean isCached(ProfileInput profile) {
        return cache.asMap().keySet().stream().anyMatch(k -> k.profile().equals(profile));
    }

    public CacheStats cacheStats() {
        return cache.stats();
    }

    private Map<String, Object> describe(ResolvedProfile p, String lang) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("skills", p.skills().stream().map(r -> resolution(r, lang)).toList());
        out.put("occupations", p.occupations().stream().map(r -> resolution(r, lang)).toList());
        out.put("qualifications", p.qualifications().stream().map(r -> resolution(r, lang)).toList());
        if (!p.wanted().isEmpty()) {
            out.put("wantedOccupations", p.wanted().stream().map(r -> resolution(r, lang)).toList());
        }
        out.put("unresolved", p.unresolved());
        out.put("derivedSkills", p.skillEvidence().size());
        if (p.place() != null) {
            Map<String, Object> place = new LinkedHashMap<>();
            place.put("name", p.place().name());
            place.put("lat", p.place().lat());
            place.put("lon", p.place().lon());
            place.put("country", p.place().country());
            out.put("place", place);
        }
        if (p.radiusKm() != null) {
            out.put("radiusKm", p.radiusKm());
        }
        if (!p.countries().isEmpty()) {
            out.put("countries", p.countries());
        }
        return out;
    }

    private Map<String, Object> resolution(ResolvedProfile.Resolution r, String lang) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", r.input());
        m.put("id", r.id());
        m.put("label", r.label());
        m.put("confidence", r.confidence());
        m.put("via", r.via());
        // How the word was understood, for a person to read, and as a code for systems that render their own.
        Reason via = Reason.via(r.via());
        m.put("viaText", matcher.renderer().render(via, lang));
        m.put("viaCode", via);
        if (!r.alternatives().isEmpty()) {
            List<Map<String, String>> alts = new ArrayList<>();
            r.alternatives().forEach(a -> alts.add(Map.of("id", a.id(), "label", a.label())));
            m.put("alternatives", alts);
        }
        return m;
    }
}
