package dev.chorus.creator.creator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.chorus.common.error.BadUserInputException;

/** The rules of creator profiles, without starting the service. */
class CreatorRulesTest {
    private static void refused(String field, Runnable call) {
        BadUserInputException e = assertThrows(BadUserInputException.class, call::run);
        assertEquals(field, e.field(), e.getMessage());
    }

    @Test
    void aHandleIsThreeToThirtyLowerCaseLettersDigitsDotsOrUnderscores() {
        assertEquals("lin.xia_01", CreatorRules.handle("handle", "lin.xia_01"));
        refused("handle", () -> CreatorRules.handle("handle", "ab"));
        refused("handle", () -> CreatorRules.handle("handle", "a".repeat(31)));
        refused("handle", () -> CreatorRules.handle("handle", "lin xia"));
        refused("handle", () -> CreatorRules.handle("handle", "林夏"));
    }

    @Test
    void aRegionIsAnIsoCountry() {
        assertEquals("CN", CreatorRules.region("region", "CN"));
        refused("region", () -> CreatorRules.region("region", "XX"));
    }

    @Test
    void genresAreBoundedAndAliasesHaveOnePrimaryPerLocale() {
        refused("genres", () -> CreatorRules.genres(java.util.stream.IntStream.rangeClosed(0, CreatorRules.GENRES_MAX)
                .mapToObj(i -> "genre" + i).toList()));
        assertEquals(1, CreatorRules.aliases(List.of(new AliasInput("Lin Xia", "en", true))).size());
    }

    @Test
    void searchTextFoldsFullWidthLatinAndCase() {
        String text = CreatorRules.searchText("linxia", "ＬＩＮ Xia", List.of(new CreatorRules.Alias("林夏", "zh", true)));
        assertTrue(text.contains("lin xia"), text);
        assertTrue(text.contains("林夏"), text);
    }
}
