package eu.passerelle.search;

import eu.passerelle.model.Occupation;
import eu.passerelle.model.RecordType;
import eu.passerelle.model.Skill;
import eu.passerelle.store.RecordStore;
import eu.passerelle.store.RelationStore;
import eu.passerelle.store.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One record with what surrounds it: an occupation's skills, moves and work contexts; a skill's mappings.
 * Labels of referential concepts are in the language asked where the referential has it, each with the
 * language it is really in ({@code labelLang}, see {@link LabelLanguage}).
 */
public final class RecordService {
    private final Store store;

    public RecordService(Store store) {
        this.store = store;
    }

    public Optional<Map<String, Object>> find(RecordType type, String id) {
        return find(type, id, Vocabulary.DEFAULT_LANG);
    }

    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> find(RecordType type, String id, String lang) {
        Optional<?> record = store.records().find(type, id, RecordStore.javaType(type));
        if (record.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", type.wireName());
        out.putAll(eu.passerelle.model.Json.COMPACT.convertValue(record.get(), Map.class));
        LabelLanguage.Label own = switch (record.get()) {
            case Occupation o -> LabelLanguage.of(o, lang);
            case Skill sk -> LabelLanguage.of(sk, lang);
            default -> null;
        };
        if (own != null) {
            String key = type == RecordType.SKILL ? "label" : "title";
            if (!own.text().equals(out.get(key))) {
                out.put(key + "Fr", out.get(key));
                out.put(key, own.text());
            }
            out.put("labelLang", own.lang());
        }
        switch (type) {
            case OCCUPATION -> {
                out.put("skills", skillsOf(id, lang));
                List<Map<String, Object>> moves = new ArrayList<>();
                for (RelationStore.Mobility m : store.relations().mobilitiesFrom(id)) {
                    Map<String, Object> move = new LinkedHashMap<>();
                    move.put("id", m.toId());
                    store.records().find(RecordType.OCCUPATION, m.toId(), Occupation.class).ifPresent(o -> title(move, "title", LabelLanguage.of(o, lang)));
                    move.put("rank", m.rank());
                    moves.add(move);
                }
                if (!moves.isEmpty()) {
                    out.put("mobilities", moves);
                }
                List<Map<String, Object>> bridges = new ArrayList<>();
                for (eu.passerelle.store.BridgeStore.OccupationLink l : store.bridges().linksOf(id)) {
                    Map<String, Object> b = new LinkedHashMap<>();
                    b.put("id", l.toId());
                    store.records().find(RecordType.OCCUPATION, l.toId(), Occupation.class).ifPresent(o -> title(b, "title", LabelLanguage.of(o, lang)));
                    b.put("kind", l.kind());
                    b.put("confidence", l.confidence());
                    b.put("method", l.method());
                    b.put("provenance", l.provenance());
                    if (l.official()) {
                        b.put("source", l.source());
                    }
                    bridges.add(b);
                }
                if (!bridges.isEmpty()) {
                    out.put("bridges", bridges);
                    out.put("equivalents", Equivalents.of(store.bridges().linksOf(id),
                            other -> store.records().find(RecordType.OCCUPATION, other, Occupation.class).map(o -> LabelLanguage.of(o, lang).text()).orElse(null)));
                }
                List<Map<String, String>> contexts = store.relations().contextsOf(id).stream()
                        .map(c -> Map.of("label", c.label(), "kind", c.kind())).toList();
                if (!contexts.isEmpty()) {
                    out.put("workContexts", contexts);
                }
            }
            case SKILL -> {
                List<Map<String, Object>> mappings = new ArrayList<>();
                for (RelationStore.SkillMapping m : store.relations().mappingsOf(id)) {
                    String other = m.fromId().equals(id) ? m.toId() : m.fromId();
                    Map<String, Object> mapping = new LinkedHashMap<>();
                    mapping.put("id", other);
                    store.records().find(RecordType.SKILL, other, Skill.class).ifPresent(s -> title(mapping, "label", LabelLanguage.of(s, lang)));
                    mapping.put("relation", m.relation());
                    mapping.put("source", m.source());
                    mappings.add(mapping);
                }
                if (!mappings.isEmpty()) {
                    out.put("mappings", mappings);
                }
                List<String> broader = store.relations().broaderOf(id);
                if (!broader.isEmpty()) {
                    out.put("broader", broader);
                }
            }
            default -> {
            }
        }
        return Optional.of(out);
    }

    private static void title(Map<String, Object> out, String key, LabelLanguage.Label label) {
        out.put(key, label.text());
        out.put("labelLang", label.lang());
    }

    private List<Map<String, Object>> skillsOf(String occupationId, String lang) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RelationStore.OccupationSkill l : store.relations().skillsOf(occupationId)) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", l.skillId());
            store.records().find(RecordType.SKILL, l.skillId(), Skill.class).ifPresent(sk -> {
                title(s, "label", LabelLanguage.of(sk, lang));
                s.put("kind", sk.kind());
            });
            s.put("essential", "essential".equals(l.relation()));
            if (l.core()) {
                s.put("core", true);
            }
            out.add(s);
        }
        return out;
    }
}
