package dev.chorus.events.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.chorus.common.error.BadUserInputException;

/** The rules of venue data, without starting the service. */
class VenueRulesTest {
    @Test
    void capacityIsOneToOneHundredThousandAndNamesAreRequired() {
        assertEquals(1, VenueRules.maxCapacity(1));
        assertEquals(VenueRules.CAPACITY_MAX, VenueRules.maxCapacity(VenueRules.CAPACITY_MAX));
        for (int bad : new int[] { 0, -1, VenueRules.CAPACITY_MAX + 1, Integer.MIN_VALUE }) {
            assertEquals("maxCapacity", assertThrows(BadUserInputException.class, () -> VenueRules.maxCapacity(bad)).field());
        }
        assertEquals("上海 Livehouse", VenueRules.name("  上海 Livehouse "));
        assertEquals("address", assertThrows(BadUserInputException.class,
                () -> VenueRules.address("x".repeat(VenueRules.ADDRESS_MAX + 1))).field());
    }
}
