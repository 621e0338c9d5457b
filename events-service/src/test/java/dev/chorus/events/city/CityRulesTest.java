package dev.chorus.events.city;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.chorus.common.error.BadUserInputException;

/** The rules of city names, without starting the service. */
class CityRulesTest {
    private static String refused(Runnable call) {
        return assertThrows(BadUserInputException.class, call::run).field();
    }

    @Test
    void aNameIsMatchedWhateverItsCaseWidthAndSpaces() {
        assertEquals("shanghai", CityRules.key("Shanghai"));
        assertEquals("shanghai", CityRules.key("  ＳＨＡＮＧＨＡＩ\u3000"));
        assertEquals("hong kong", CityRules.key("Hong\t  KONG"));
        assertEquals("上海", CityRules.key("上海"));
        assertEquals("city", refused(() -> CityRules.lookup("city", " \u200b ")));
        assertEquals(null, CityRules.optionalLookup("city", " \u200b "), "a blank filter is no filter");
        assertEquals(null, CityRules.optionalLookup("city", null));
        assertEquals("上海", CityRules.optionalLookup("city", " 上海 "));
        assertEquals("city", refused(() -> CityRules.lookup("city", "x".repeat(CityRules.NAME_MAX + 1))));
    }

    @Test
    void aNewCityHasBothNamesAtMostTwentyOthersAndEachNameOnce() {
        CityRules.Names names = CityRules.names(new AddCityInput(" Lhasa ", "拉萨", List.of("LHASA", "拉薩"), null));
        assertEquals("Lhasa", names.name());
        assertEquals("拉萨", names.localName());
        assertEquals(List.of("lhasa", "拉萨", "拉薩"), List.copyOf(names.byKey().keySet()), "LHASA is Lhasa again");
        assertEquals("name", refused(() -> CityRules.names(new AddCityInput(" ", "拉萨", null, null))));
        assertEquals("localName", refused(() -> CityRules.names(new AddCityInput("Lhasa", "", null, null))));
        assertEquals("aliases[1]", refused(() -> CityRules.names(new AddCityInput("Lhasa", "拉萨", List.of("a", " "), null))));
        assertEquals("aliases", refused(() -> CityRules.names(new AddCityInput("Lhasa", "拉萨",
                Collections.nCopies(CityRules.ALIASES_MAX + 1, "x"), null))));
    }
}
