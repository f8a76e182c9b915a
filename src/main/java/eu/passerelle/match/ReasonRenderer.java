package eu.passerelle.match;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns reason codes into sentences in French, Dutch or English, from one message bundle per language
 * ({@code match/reasons_xx.properties}, UTF-8). A template names its parameters in braces ({@code {km}});
 * a part in square brackets is left out when a parameter it names is absent. A parameter that is itself a
 * {@link Reason} is rendered first (how a training leads to an occupation, a bridge kind). Numbers are
 * written the way the language writes them (0,95 in French and Dutch, 0.95 in English).
 */
public final class ReasonRenderer {
    public static final List<String> LANGUAGES = List.of("fr", "nl", "en");
    public static final String DEFAULT_LANG = "fr";
    private static final Pattern OPTIONAL = Pattern.compile("\\[([^\\[\\]]*)]");
    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");

    private final Map<String, Properties> bundles;

    ReasonRenderer(Map<String, Properties> bundles) {
        this.bundles = bundles;
    }

    public static ReasonRenderer load() {
        Map<String, Properties> bundles = new LinkedHashMap<>();
        for (String lang : LANGUAGES) {
            Properties p = new Properties();
            try (InputStream in = ReasonRenderer.class.getResourceAsStream("reasons_" + lang + ".properties")) {
                if (in == null) {
                    throw new IllegalStateException("missing message bundle reasons_" + lang + ".properties");
                }
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bundles.put(lang, p);
        }
        return new ReasonRenderer(bundles);
    }

    /** The message codes of a language (for checking that every language has every message). */
    java.util.Set<String> codes(String lang) {
        return bundles.get(lang).stringPropertyNames();
    }

    public String render(Reason reason, String lang) {
        Properties bundle = bundles.getOrDefault(lang, bundles.get(DEFAULT_LANG));
        String template = bundle.getProperty(reason.code());
        if (template == null) {
            // A code without a message is a bug; never show the code itself to a person.
            throw new IllegalStateException("no message for reason " + reason.code() + " in " + lang);
        }
        Locale locale = Locale.forLanguageTag(lang);
        Matcher optional = OPTIONAL.matcher(template);
        StringBuilder kept = new StringBuilder();
        while (optional.find()) {
            boolean complete = PARAM.matcher(optional.group(1)).results().allMatch(m -> reason.params().containsKey(m.group(1)));
            optional.appendReplacement(kept, Matcher.quoteReplacement(complete ? optional.group(1) : ""));
        }
        optional.appendTail(kept);
        Matcher param = PARAM.matcher(kept);
        StringBuilder out = new StringBuilder();
        while (param.find()) {
            Object value = reason.params().get(param.group(1));
            param.appendReplacement(out, Matcher.quoteReplacement(format(value, lang, locale)));
        }
        param.appendTail(out);
        return out.toString();
    }

    /**
     * A language's decimal and integer formats, made once per thread (a NumberFormat is not thread-safe, and making one
     * parses its pattern: a good part of rendering a page's reasons).
     */
    private static final ThreadLocal<Map<String, NumberFormat[]>> FORMATS = ThreadLocal.withInitial(java.util.HashMap::new);

    private static NumberFormat[] formats(String lang, Locale locale) {
        return FORMATS.get().computeIfAbsent(lang, l -> {
            NumberFormat decimal = NumberFormat.getNumberInstance(locale);
            decimal.setMaximumFractionDigits(2);
            return new NumberFormat[] {decimal, NumberFormat.getIntegerInstance(locale)};
        });
    }

    private String format(Object value, String lang, Locale locale) {
        if (value == null) {
            return "";
        }
        if (value instanceof Reason r) {
            return render(r, lang);
        }
        if (value instanceof Double || value instanceof Float) {
            return formats(lang, locale)[0].format(((Number) value).doubleValue());
        }
        if (value instanceof Number n) {
            return formats(lang, locale)[1].format(n.longValue());
        }
        return value.toString();
    }
}
