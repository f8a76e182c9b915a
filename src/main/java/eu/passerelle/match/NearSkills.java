package eu.passerelle.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * For every skill of the graph, the skills occupations ask for that are worded near-identically (Jaccard of analysed
 * label words at least {@code similarSkill}), most similar first. Built once per skill graph, at start and off the
 * request path (reference data does not change while the service runs), so a match expands the PERSON's few skills
 * once instead of walking a near list for every requirement of ~250 candidates.
 *
 * <p>Similarity is symmetric, so "the person's skill most similar to a required one" (what near-skill credit needs)
 * is found from the person's side: {@link SkillCoverage.SkillWords} keeps, per required skill, the best of the
 * person's skills whose list names it.
 */
final class NearSkills {
    private static final SkillCoverage.Closest[] NONE = new SkillCoverage.Closest[0];

    /** skill → required skills near it, most similar first, ties by id. */
    private final Map<String, SkillCoverage.Closest[]> near;
    private final int pairs;

    private NearSkills(Map<String, SkillCoverage.Closest[]> near, int pairs) {
        this.near = near;
        this.pairs = pairs;
    }

    /** The required skills worded near-identically to this one (never itself), most similar first, ties by id. */
    SkillCoverage.Closest[] of(String skillId) {
        return near.getOrDefault(skillId, NONE);
    }

    int pairs() {
        return pairs;
    }

    /**
     * All pairs at Jaccard ≥ t with a prefix filter: words ordered rarest first, two word sets that reach t must share a
     * word among the first |W| − ⌈t·|W|⌉ + 1 words of each (their overlap is at least ⌈t·|W|⌉), so only those words are
     * indexed and frequent words ("gérer", "client") never make candidates by themselves; each candidate is then
     * checked exactly. About a second for the whole graph, instead of seconds of hash maps spread over the first matches.
     */
    static NearSkills build(SkillGraph graph, double similarSkill) {
        Set<String> universe = new TreeSet<>(graph.skillLabels.keySet());
        universe.addAll(graph.equivalents.keySet());
        universe.addAll(graph.occupationsBySkill.keySet());
        String[] ids = universe.toArray(String[]::new); // sorted: ties resolve by id
        Map<String, Integer> wordIds = new HashMap<>();
        List<Integer> frequency = new ArrayList<>();
        int[][] words = new int[ids.length][];
        for (int i = 0; i < ids.length; i++) {
            Set<String> ws = graph.skillWords(ids[i]);
            int[] w = new int[ws.size()];
            int k = 0;
            for (String word : ws) {
                Integer id = wordIds.get(word);
                if (id == null) {
                    id = wordIds.size();
                    wordIds.put(word, id);
                    frequency.add(0);
                }
                frequency.set(id, frequency.get(id) + 1);
                w[k++] = id;
            }
            words[i] = w;
        }
        // Renumber words rarest first, so each skill's sorted word array starts with its rarest words (its prefix).
        Integer[] order = new Integer[frequency.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingInt((Integer i) -> frequency.get(i)).thenComparingInt(i -> i));
        int[] rank = new int[order.length];
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r;
        }
        int[] prefix = new int[ids.length];
        List<List<Integer>> indexed = new ArrayList<>();
        for (int r = 0; r < order.length; r++) {
            indexed.add(new ArrayList<>());
        }
        for (int i = 0; i < ids.length; i++) {
            int[] w = words[i];
            for (int k = 0; k < w.length; k++) {
                w[k] = rank[w[k]];
            }
            java.util.Arrays.sort(w);
            // Overlap needed at least ⌈t·|W|⌉; the epsilon keeps the filter on the safe side of rounding.
            int needed = (int) Math.ceil(similarSkill * w.length - 1e-9);
            prefix[i] = Math.min(w.length, w.length - Math.max(needed, 1) + 1);
            for (int k = 0; k < prefix[i]; k++) {
                indexed.get(w[k]).add(i);
            }
        }
        int[][] byWord = new int[indexed.size()][];
        for (int i = 0; i < byWord.length; i++) {
            byWord[i] = indexed.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        boolean[] required = new boolean[ids.length];
        for (int i = 0; i < ids.length; i++) {
            required[i] = graph.occupationsBySkill.containsKey(ids[i]);
        }
        int[] seen = new int[ids.length];
        java.util.Arrays.fill(seen, -1);
        Map<String, SkillCoverage.Closest[]> near = new HashMap<>();
        int pairs = 0;
        List<SkillCoverage.Closest> out = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            out.clear();
            int[] wi = words[i];
            for (int k = 0; k < prefix[i]; k++) {
                for (int j : byWord[wi[k]]) {
                    if (seen[j] == i || j == i || !required[j]) {
                        continue;
                    }
                    seen[j] = i;
                    int c = overlap(wi, words[j]);
                    // The very expression of the lazy lists this replaces, so the credit is equal to the last bit.
                    double sim = c / (double) (wi.length + words[j].length - c);
                    if (sim >= similarSkill) {
                        out.add(new SkillCoverage.Closest(ids[j], sim));
                    }
                }
            }
            if (!out.isEmpty()) {
                out.sort(Comparator.comparingDouble(SkillCoverage.Closest::similarity).reversed().thenComparing(SkillCoverage.Closest::skillId));
                near.put(ids[i], out.toArray(SkillCoverage.Closest[]::new));
                pairs += out.size();
            }
        }
        return new NearSkills(Map.copyOf(near), pairs);
    }

    /** Words two sorted word arrays share. */
    private static int overlap(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                n++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return n;
    }
}
