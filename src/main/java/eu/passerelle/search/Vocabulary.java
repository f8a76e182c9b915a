package eu.passerelle.search;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The names people read for the codes the API filters and counts by (facet dimensions and their values:
 * record types, referentials, countries, modalities, levels, contracts), in French, Dutch or English, so no
 * client has to show "rome", "BE" or "presentiel". A code nobody has named yet reads as itself, capitalised.
 */
public final class Vocabulary {
    public static final List<String> LANGS = List.of("fr", "nl", "en");
    public static final String DEFAULT_LANG = "fr";

    private static final Map<String, String[]> DIMENSIONS = Map.of(
            "type", new String[] {"Type de résultat", "Soort resultaat", "Result type"},
            "scheme", new String[] {"Source", "Bron", "Source"},
            "country", new String[] {"Pays", "Land", "Country"},
            "modality", new String[] {"Modalité", "Lesvorm", "Delivery"},
            "level", new String[] {"Niveau", "Niveau", "Level"},
            "contract", new String[] {"Contrat", "Contract", "Contract"},
            "synthetic", new String[] {"Offres fictives de démonstration", "Fictieve demovacatures", "Fictitious demo posts"});

    private static final Map<String, String[]> TYPES = Map.of(
            "occupation", new String[] {"Métier", "Beroep", "Occupation"},
            "skill", new String[] {"Compétence", "Competentie", "Skill"},
            "training", new String[] {"Formation", "Opleiding", "Training"},
            "posting", new String[] {"Offre d'emploi", "Vacature", "Job post"});

    private static final Map<String, String[]> SCHEMES = Map.of(
            "rome", new String[] {"ROME (France Travail)", "ROME (France Travail, Frankrijk)", "ROME (France Travail, France)"},
            "esco", new String[] {"ESCO (Union européenne)", "ESCO (Europese Unie)", "ESCO (European Union)"},
            "competent", new String[] {"Compétent (Belgique)", "Competent (België)", "Compétent (Belgium)"},
            "onisep", new String[] {"ONISEP (formations en France)", "ONISEP (opleidingen in Frankrijk)", "ONISEP (trainings in France)"},
            "seed", new String[] {"Sélection documentée", "Gedocumenteerde selectie", "Documented selection"},
            "synthetic", new String[] {"Démonstration (offres fictives)", "Demo (fictieve vacatures)", "Demo (fictitious posts)"},
            "leforem", new String[] {"Le Forem (Wallonie)", "Le Forem (Wallonië)", "Le Forem (Wallonia)"},
            "francetravail", new String[] {"France Travail", "France Travail", "France Travail"},
            "feed", new String[] {"Flux partenaire", "Partnerfeed", "Partner feed"});

    private static final Map<String, String[]> MODALITIES = Map.of(
            "presentiel", new String[] {"En présentiel", "Klassikaal", "In person"},
            "hybride", new String[] {"Hybride", "Hybride", "Blended"},
            "distance", new String[] {"À distance", "Afstandsonderwijs", "Distance learning"});

    private static final Map<String, String> LEVELS_FR = Map.of(
            "3", " (CAP)", "4", " (bac)", "5", " (bac+2)", "6", " (licence, bac+3)", "7", " (master, bac+5)", "8", " (doctorat)");

    private static final Map<String, String[]> CONTRACTS = Map.ofEntries(
            Map.entry("cdi", new String[] {"CDI (durée indéterminée)", "Contract van onbepaalde duur", "Permanent contract"}),
            Map.entry("cdd", new String[] {"CDD (durée déterminée)", "Contract van bepaalde duur", "Fixed-term contract"}),
            Map.entry("intérim", new String[] {"Intérim", "Uitzendwerk", "Temporary agency work"}),
            Map.entry("apprentissage", new String[] {"Apprentissage", "Leercontract", "Apprenticeship"}),
            Map.entry("contrat de remplacement", new String[] {"Contrat de remplacement", "Vervangingscontract", "Replacement contract"}),
            Map.entry("stage", new String[] {"Stage", "Stage", "Internship"}),
            Map.entry("indépendant", new String[] {"Indépendant", "Zelfstandige", "Self-employed"}),
            Map.entry("bénévolat", new String[] {"Bénévolat", "Vrijwilligerswerk", "Volunteering"}),
            Map.entry("vacation", new String[] {"Vacation (à la journée)", "Dagcontract", "Per diem"}),
            Map.entry("autre", new String[] {"Autre", "Andere", "Other"}),
            Map.entry("job étudiant", new String[] {"Job étudiant", "Studentenjob", "Student job"}),
            Map.entry("flexi-job", new String[] {"Flexi-job", "Flexi-job", "Flexi-job"}),
            Map.entry("cee (contrat d'engagement éducatif)", new String[] {"CEE (contrat d'engagement éducatif)",
                    "CEE (Frans contract voor educatieve inzet)", "CEE (French educational engagement contract)"}),
            Map.entry("pfi (plan formation-insertion)", new String[] {"PFI (plan formation-insertion)",
                    "PFI (Waals opleidings- en inschakelingsplan)", "PFI (Walloon training and work-placement plan)"}));

    private Vocabulary() {
    }

    /** The language asked for, lower-cased, or the default when none was given. */
    public static String lang(String asked) {
        return asked == null ? DEFAULT_LANG : asked.toLowerCase(Locale.ROOT);
    }

    /** The title of a facet dimension ("country" → "Pays" / "Land" / "Country"). */
    public static String dimension(String dim, String lang) {
        return pick(DIMENSIONS.get(dim), lang, capitalised(dim));
    }

    /** The name of one value of a facet dimension ("country", "BE" → "Belgique" / "België" / "Belgium"). */
    public static String value(String dim, String value, String lang) {
        return switch (dim) {
            case "type" -> pick(TYPES.get(value), lang, capitalised(value));
            case "scheme" -> pick(SCHEMES.get(value), lang, capitalised(value));
            case "country" -> country(value, lang);
            case "modality" -> pick(MODALITIES.get(value), lang, capitalised(value));
            case "level" -> switch (lang) {
                case "nl" -> "EQF-niveau " + value;
                case "en" -> "EQF level " + value;
                default -> "Niveau " + value + LEVELS_FR.getOrDefault(value, "");
            };
            case "contract" -> pick(CONTRACTS.get(value.toLowerCase(Locale.ROOT)), lang, capitalised(value));
            default -> capitalised(value);
        };
    }

    /** A country's name from its ISO code, in the JDK's own (CLDR) names. */
    public static String country(String code, String lang) {
        if (code == null || code.length() != 2) {
            return code;
        }
        String name = Locale.of("", code).getDisplayCountry(Locale.of(lang));
        return name.isBlank() || name.equals(code) ? code : name;
    }

    private static String pick(String[] names, String lang, String otherwise) {
        if (names == null) {
            return otherwise;
        }
        return names[Math.max(0, LANGS.indexOf(lang))];
    }

    private static String capitalised(String s) {
        return s == null || s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
