package dev.chorus.creator.creator;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.chorus.common.error.BadUserInputException;
import dev.chorus.common.input.Inputs;

/** The rules of a creator's profile data. Each failure names the input field at fault. */
final class CreatorRules {
    static final int DISPLAY_NAME_MAX = 100;
    static final int BIO_MAX = 2000;
    static final int GENRES_MAX = 10;
    static final int GENRE_MAX = 40;
    static final int ALIASES_MAX = 20;
    static final int ALIAS_MAX = 100;
    static final int SEARCH_MAX = 100;

    private static final Pattern HANDLE = Pattern.compile("[a-z0-9_.]{3,30}");
    private static final Set<String> REGIONS = Set.of(Locale.getISOCountries());

    record Alias(String name, String locale, boolean primary) {
    }

    private CreatorRules() {
    }

    /** Handles are unique case-insensitively, so they are kept lower-cased. */
    static String handle(String field, String value) {
        String handle = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (!HANDLE.matcher(handle).matches()) {
            throw new BadUserInputException(field, field + " must be 3 to 30 characters of a-z, 0-9, '_' or '.', was "
                    + Inputs.abbreviate(value == null ? "" : value));
        }
        return handle;
    }

    static String displayName(String value) {
        return Inputs.requiredLine("displayName", value, DISPLAY_NAME_MAX);
    }

    static String bio(String value) {
        return Inputs.optionalText("bio", value, BIO_MAX);
    }

    /** An ISO 3166-1 alpha-2 code, upper-cased; blank means none. */
    static String region(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String region = value.strip().toUpperCase(Locale.ROOT);
        if (!REGIONS.contains(region)) {
            throw new BadUserInputException(field,
                    field + " must be an ISO 3166-1 alpha-2 code such as CN or HK, was " + Inputs.abbreviate(value));
        }
        return region;
    }

    /** Genres are tags: trimmed, lower-cased, without repeats, at most {@value #GENRES_MAX}. */
    static List<String> genres(List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > GENRES_MAX) {
            throw new BadUserInputException("genres", "at most " + GENRES_MAX + " genres, was " + values.size());
        }
        Set<String> genres = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            genres.add(genre("genres[" + i + "]", values.get(i)));
        }
        return new ArrayList<>(genres);
    }

    static String genre(String field, String value) {
        return fold(Inputs.requiredLine(field, value, GENRE_MAX));
    }

    static List<Alias> aliases(List<AliasInput> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > ALIASES_MAX) {
            throw new BadUserInputException("aliases", "at most " + ALIASES_MAX + " aliases, was " + values.size());
        }
        List<Alias> aliases = new ArrayList<>();
        Set<String> primaryLocales = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            AliasInput input = values.get(i);
            if (input == null) {
                throw new BadUserInputException("aliases[" + i + "]", "aliases[" + i + "] must not be null");
            }
            String name = Inputs.requiredLine("aliases[" + i + "].name", input.name(), ALIAS_MAX);
            String locale = Inputs.languageTag("aliases[" + i + "].locale", input.locale());
            boolean primary = Boolean.TRUE.equals(input.primary());
            if (!seen.add(locale + "\u0000" + name)) {
                throw new BadUserInputException("aliases[" + i + "].name",
                        "alias " + Inputs.abbreviate(name) + " is listed twice for locale " + locale);
            }
            if (primary && !primaryLocales.add(locale)) {
                throw new BadUserInputException("aliases[" + i + "].primary",
                        "only one alias may be primary for locale " + locale);
            }
            aliases.add(new Alias(name, locale, primary));
        }
        return aliases;
    }

    /** What the name search compares: compatibility-normalised (full-width Latin becomes ASCII) and lower-cased. */
    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    static String searchText(String handle, String displayName, List<Alias> aliases) {
        StringBuilder text = new StringBuilder(handle).append('\n').append(displayName);
        aliases.forEach(alias -> text.append('\n').append(alias.name()));
        return fold(text.toString());
    }
}
