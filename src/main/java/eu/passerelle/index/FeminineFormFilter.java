package eu.passerelle.index;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Maps the feminine form of a French job noun or participle onto its masculine form, so "animatrice" finds
 * "animateur", "éducatrice" finds "éducateur" and "spécialisée" finds "spécialisé". Job titles are written both ways ("Animateur / Animatrice") and a
 * person types one. Runs on lower-cased, still-accented tokens, before folding and stemming.
 *
 * <p>Only suffixes that are unambiguous in job vocabulary are rewritten; "-ante" and "-ière" are kept to
 * words long enough that ordinary nouns are rarely caught ("plante", "vente" and "fière" are left alone).
 */
public final class FeminineFormFilter extends TokenFilter {
    private static final String[][] RULES = {
        // suffix, replacement, minimum token length
        {"trice", "teur", "7"},       // animatrice → animateur, éducatrice → éducateur, puéricultrice
        {"euse", "eur", "6"},         // coiffeuse → coiffeur, veilleuse → veilleur
        {"ière", "ier", "7"},         // infirmière → infirmier, cuisinière → cuisinier
        {"ienne", "ien", "7"},        // technicienne → technicien, gardienne → gardien
        {"ante", "ant", "8"},         // accompagnante → accompagnant, assistante → assistant
        {"ente", "ent", "9"},         // intervenante → intervenant is "-ante"; this catches "présidente"
        {"ère", "er", "7"},           // bouchère → boucher, mensongère is rare in titles
        {"ive", "if", "7"},           // sportive → sportif
        {"otte", "ot", "7"},          // matelotte-style forms
        {"euses", "eurs", "7"},
        {"trices", "teurs", "8"},
        {"ières", "iers", "8"},
        {"antes", "ants", "9"},
        // Past participles used as adjectives: "spécialisée" → "spécialisé", "agréée" → "agréé". Without this
        // the stemmer keeps the feminine's last "e" and "Educatrice spécialisée" never meets "Educateur spécialisé".
        {"ées", "és", "6"},
        {"ée", "é", "5"},
    };

    /** The rules' minimum lengths, parsed once (this filter runs on every token of every text). */
    private static final int[] MIN_LENGTH = java.util.Arrays.stream(RULES).mapToInt(r -> Integer.parseInt(r[2])).toArray();

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    public FeminineFormFilter(TokenStream input) {
        super(input);
    }

    static String masculine(String token) {
        for (int i = 0; i < RULES.length; i++) {
            if (token.length() >= MIN_LENGTH[i] && token.endsWith(RULES[i][0])) {
                return token.substring(0, token.length() - RULES[i][0].length()) + RULES[i][1];
            }
        }
        return token;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (!keyword.isKeyword()) {
            // On the term's own buffer, as masculine(String) does: this runs on every word of every indexed text,
            // and a String per word was a tenth of what an import allocated.
            char[] buffer = term.buffer();
            int length = term.length();
            for (int i = 0; i < RULES.length; i++) {
                String suffix = RULES[i][0];
                if (length >= MIN_LENGTH[i] && endsWith(buffer, length, suffix)) {
                    term.setLength(length - suffix.length()).append(RULES[i][1]);
                    break;
                }
            }
        }
        return true;
    }

    private static boolean endsWith(char[] buffer, int length, String suffix) {
        int start = length - suffix.length();
        if (start < 0) {
            return false;
        }
        for (int i = 0; i < suffix.length(); i++) {
            if (buffer[start + i] != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
