package dev.chorus.events.city;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.chorus.common.error.BadUserInputException;
import dev.chorus.common.input.Inputs;

/** The rules of city names; each failure names the input field at fault. */
public final class CityRules {
    static final int NAME_MAX = 100;
    static final int ALIASES_MAX = 20;

    private CityRules() {
    }

    /**
     * What a name is matched by: Unicode NFKC (full-width letters are letters), runs of spaces as one, lower case.
     * {@code Ｓhanghai}, {@code  SHANGHAI } and {@code shanghai} are one key.
     */
    public static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }

    /** A city name given to find a city (a filter, a new venue): a line of 1 to {@value #NAME_MAX}, as its key. */
    public static String lookup(String field, String value) {
        return key(Inputs.requiredLine(field, value, NAME_MAX));
    }

    /** A city filter: null when none is given (null or blank), else as {@link #lookup}. */
    public static String optionalLookup(String field, String value) {
        return value == null || !Inputs.hasVisible(value) ? null : lookup(field, value);
    }

    /** A new city's names: the canonical and local ones, and every name by key, in the order given. */
    record Names(String name, String localName, Map<String, String> byKey) {
    }

    static Names names(AddCityInput input) {
        List<String> aliases = input.aliases() == null ? List.of() : input.aliases();
        if (aliases.size() > ALIASES_MAX) {
            throw new BadUserInputException("aliases", "a city has at most " + ALIASES_MAX + " other names, was "
                    + aliases.size());
        }
        List<String> all = new ArrayList<>();
        all.add(Inputs.requiredLine("name", input.name(), NAME_MAX));
        all.add(Inputs.requiredLine("localName", input.localName(), NAME_MAX));
        for (int i = 0; i < aliases.size(); i++) {
            all.add(Inputs.requiredLine("aliases[" + i + "]", aliases.get(i), NAME_MAX));
        }
        Map<String, String> byKey = new LinkedHashMap<>();
        all.forEach(name -> byKey.putIfAbsent(key(name), name)); // the same name twice is one name
        return new Names(all.get(0), all.get(1), byKey);
    }
}
