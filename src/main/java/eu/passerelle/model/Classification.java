package eu.passerelle.model;

/**
 * How a post whose feed gave no occupation code was placed under a ROME fiche by the engine, so a reader
 * can judge it: from which words, how, and how sure.
 *
 * @param occupation the fiche id, e.g. "rome:K1303"
 * @param label      the fiche's title
 * @param from       "occupation" (the feed's own occupation wording, such as Le Forem's métier) or "title"
 * @param words      the words that were read
 * @param via        "exact label" (the words are a title or appellation of the fiche), "label in words"
 *                   (one is written out inside them), "words in label" (they are all in one fiche's label: a
 *                   shortened label) or "search" (the engine's confident answer)
 * @param confidence 0..1
 */
public record Classification(String occupation, String label, String from, String words, String via, double confidence) {
    public Classification {
        occupation = Nulls.s(occupation); label = Nulls.s(label); from = Nulls.s(from); words = Nulls.s(words); via = Nulls.s(via);
    }
}
