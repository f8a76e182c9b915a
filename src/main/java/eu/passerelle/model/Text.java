package eu.passerelle.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text keys for exact lookups (place names, labels): case, accents and punctuation do not count. */
public final class Text {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Text() {
    }

    public static String fold(String s) {
        if (s == null) {
            return "";
        }
        String n = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        n = n.replace('œ', 'o').replace('Œ', 'o').replace('æ', 'a').replace('ß', 's');
        return NON_ALNUM.matcher(n.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** A URL-safe slug of a title, for curated and imported ids. */
    public static String slug(String s) {
        return fold(s).replace(' ', '-');
    }

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
