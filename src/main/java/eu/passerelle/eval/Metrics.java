package eu.passerelle.eval;

import java.util.List;
import java.util.Map;

/** Ranking metrics over one ranked list of ids and its graded judgments. */
public final class Metrics {
    public static final int K = 10;
    /** Grades at or above this count as relevant for MRR and recall. */
    public static final int RELEVANT = 2;

    private Metrics() {
    }

    /** nDCG@k with exponential gain (2^grade − 1) and the ideal ordering of all judged ids. */
    public static double ndcg(List<String> ranked, Map<String, Integer> grades, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            dcg += gain(grades.getOrDefault(ranked.get(i), 0)) / log2(i + 2);
        }
        List<Integer> ideal = grades.values().stream().sorted((a, b) -> b - a).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            idcg += gain(ideal.get(i)) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    /** Reciprocal rank of the first relevant result (0 when none is ranked). */
    public static double reciprocalRank(List<String> ranked, Map<String, Integer> grades) {
        for (int i = 0; i < ranked.size(); i++) {
            if (grades.getOrDefault(ranked.get(i), 0) >= RELEVANT) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    /** Share of the relevant judged ids found in the top k. */
    public static double recall(List<String> ranked, Map<String, Integer> grades, int k) {
        long relevant = grades.values().stream().filter(g -> g >= RELEVANT).count();
        if (relevant == 0) {
            return 0;
        }
        long found = ranked.stream().limit(k).filter(id -> grades.getOrDefault(id, 0) >= RELEVANT).count();
        return (double) found / relevant;
    }

    private static double gain(int grade) {
        return Math.pow(2, grade) - 1;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
