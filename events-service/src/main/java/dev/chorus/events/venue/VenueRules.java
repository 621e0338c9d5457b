package dev.chorus.events.venue;

import dev.chorus.common.error.BadUserInputException;
import dev.chorus.common.input.Inputs;

/** The rules of venue data; each failure names the input field at fault. */
final class VenueRules {
    static final int NAME_MAX = 200;
    static final int ADDRESS_MAX = 500;
    static final int CAPACITY_MAX = 100_000;

    private VenueRules() {
    }

    static String name(String value) {
        return Inputs.requiredLine("name", value, NAME_MAX);
    }

    static String address(String value) {
        return Inputs.requiredLine("address", value, ADDRESS_MAX);
    }

    /** 1 to {@value #CAPACITY_MAX} seats; never changed to fit. */
    static int maxCapacity(int value) {
        if (value < 1 || value > CAPACITY_MAX) {
            throw new BadUserInputException("maxCapacity", "maxCapacity must be between 1 and " + CAPACITY_MAX
                    + ", was " + value);
        }
        return value;
    }
}
