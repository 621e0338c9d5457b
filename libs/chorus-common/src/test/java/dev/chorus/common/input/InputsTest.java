package dev.chorus.common.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.chorus.common.error.BadUserInputException;

class InputsTest {
    /** Each shows nothing: spaces of several kinds, zero-width and bidi characters, fillers, a lone mark. */
    static final String[] INVISIBLE = { "", " ", "\u00A0", "\u2007", "\u3000", "\u200B", "\u200B\u200C\u200D",
            "\u202E", "\u2066\u2069", "\uFEFF", "\u00AD", "\u2060", "\u3164", "\u115F", "\u2800", "\u0301",
            " \u00A0\u200B\u202E\u3000 ", "\t", "\u180E" };

    @Test
    void aRequiredTextThatShowsNothingIsRefused() {
        for (String invisible : INVISIBLE) {
            BadUserInputException refused = assertThrows(BadUserInputException.class,
                    () -> Inputs.requiredLine("title", invisible, 100), () -> escape(invisible));
            assertEquals("title", refused.field());
        }
    }

    @Test
    void anOptionalTextThatShowsNothingIsBlank() {
        for (String invisible : INVISIBLE) {
            assertNull(Inputs.optionalLine("bio", invisible, 100), escape(invisible));
            assertNull(Inputs.optionalText("bio", invisible, 100), escape(invisible));
        }
    }

    @Test
    void visibleTextIsKeptTrimmedOfSpacesOfEveryKind() {
        assertEquals("林夏", Inputs.requiredLine("name", "\u3000林夏\u00A0", 100));
        assertEquals("Echo Lee", Inputs.requiredLine("name", " Echo Lee ", 100));
        assertEquals("👩‍🎤", Inputs.requiredLine("name", "👩‍🎤", 100), "a joiner inside an emoji stays");
        assertEquals("e\u0301", Inputs.requiredLine("name", "e\u0301", 100), "a mark on a letter stays");
    }

    @Test
    void loneSurrogatesAndControlsAreRefusedEvenInOptionalTexts() {
        for (String broken : new String[] { "a\uD800b", "\uDC00", "x\uD83C", "a\u0000b", "a\u001Bb" }) {
            assertThrows(BadUserInputException.class, () -> Inputs.requiredLine("name", broken, 100), escape(broken));
            assertThrows(BadUserInputException.class, () -> Inputs.optionalLine("name", broken, 100), escape(broken));
        }
        assertThrows(BadUserInputException.class, () -> Inputs.optionalLine("bio", "\uD800", 100));
        assertEquals("line one\nline two", Inputs.optionalText("bio", "line one\nline two", 100));
    }

    @Test
    void lengthIsCountedInCodePoints() {
        assertEquals("🎵".repeat(3), Inputs.requiredLine("title", "🎵".repeat(3), 3));
        assertThrows(BadUserInputException.class, () -> Inputs.requiredLine("title", "🎵".repeat(4), 3));
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(String.format("\\u%04X", c)));
        return out.toString();
    }

    @Test
    void timeZonesAreIanaIdsOnly() {
        assertEquals("Asia/Shanghai", Inputs.timeZone("timeZone", "Asia/Shanghai").getId());
        assertEquals("Asia/Shanghai", Inputs.timeZone("timeZone", "asia/shanghai").getId());
        assertEquals("UTC", Inputs.timeZone("timeZone", "UTC").getId());
        for (String refused : new String[] { "UTC+8", "+08:00", "GMT+08:00", "UTC+08:00", "Z", "", "Mars/Olympus",
                "Asia/Shanghai ", "CST8", null }) {
            if ("Asia/Shanghai ".equals(refused)) {
                assertEquals("Asia/Shanghai", Inputs.timeZone("timeZone", refused).getId());
                continue;
            }
            assertThrows(BadUserInputException.class, () -> Inputs.timeZone("timeZone", refused), refused);
        }
    }

    @Test
    void currenciesAreIsoCodesAsGiven() {
        assertEquals("CNY", Inputs.currency("currency", "CNY"));
        assertEquals("USD", Inputs.currency("currency", "USD"));
        for (String refused : new String[] { "cny", "CN", "CNYY", "XYZ", "", " CNY", "¥", null, "C\u0000Y" }) {
            BadUserInputException e = assertThrows(BadUserInputException.class,
                    () -> Inputs.currency("prizes[0].currency", refused), refused);
            assertEquals("prizes[0].currency", e.field());
        }
    }

    @Test
    void amountsAreAboveZeroBoundedAndInCentsNeverRounded() {
        java.math.BigDecimal max = new java.math.BigDecimal("1000000000");
        assertEquals(new java.math.BigDecimal("5000.00"), Inputs.amount("amount", new java.math.BigDecimal("5000"), max));
        assertEquals(new java.math.BigDecimal("0.01"), Inputs.amount("amount", new java.math.BigDecimal("0.010"), max));
        for (String refused : new String[] { "0", "-1", "0.001", "1.005", "1000000000.01", "1E+30" }) {
            assertThrows(BadUserInputException.class,
                    () -> Inputs.amount("amount", new java.math.BigDecimal(refused), max), refused);
        }
        assertThrows(BadUserInputException.class, () -> Inputs.amount("amount", null, max));
    }
}
