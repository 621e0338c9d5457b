package dev.chorus.content.distribution;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.chorus.common.error.BadUserInputException;

/** The rules of distributions, without starting the service. */
class DistributionRulesTest {
    @Test
    void aDistributionIsOfExactlyOneWorkOrAlbum() {
        assertDoesNotThrow(() -> DistributionRules.requireOneTarget("w", null));
        assertDoesNotThrow(() -> DistributionRules.requireOneTarget(null, "a"));
        assertEquals("workId", assertThrows(BadUserInputException.class,
                () -> DistributionRules.requireOneTarget(null, null)).field());
        assertEquals("albumId", assertThrows(BadUserInputException.class,
                () -> DistributionRules.requireOneTarget("w", "a")).field());
    }

    @Test
    void aPlatformIdIsLettersDigitsUnderscoresAndHyphens() {
        assertEquals("BV1xx411c7mD", DistributionRules.externalId(" BV1xx411c7mD "));
        for (String bad : new String[] { "a b", "a/b", "x".repeat(DistributionRules.EXTERNAL_ID_MAX + 1), "", "id;drop" }) {
            assertEquals("externalId", assertThrows(BadUserInputException.class,
                    () -> DistributionRules.externalId(bad)).field(), bad);
        }
    }
}
