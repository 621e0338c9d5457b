package dev.chorus.common.input;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.UUID;

import dev.chorus.common.error.BadUserInputException;

/**
 * Checks shared by every service's inputs. Every string has a bound, counted in Unicode code points so that a
 * Chinese name is measured like a Latin one, and control characters (NUL above all, which PostgreSQL refuses)
 * never reach the database.
 */
public final class Inputs {
    private Inputs() {
    }

    /** A required single-line text: trimmed, not blank, at most {@code max} code points. */
    public static String requiredLine(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new BadUserInputException(field, field + " must not be blank");
        }
        return checked(field, value.strip(), max, false);
    }

    /** An optional single-line text: null stays null (unchanged), blank becomes null. */
    public static String optionalLine(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return checked(field, value.strip(), max, false);
    }

    /** An optional multi-line text (line breaks and tabs allowed): blank becomes null. */
    public static String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return checked(field, value.strip(), max, true);
    }

    /** A public id: a UUID string. */
    public static UUID id(String field, String value) {
        if (value == null) {
            throw new BadUserInputException(field, field + " is required");
        }
        try {
            if (value.length() == 36) {
                return UUID.fromString(value);
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw new BadUserInputException(field, field + " is not a valid id: " + abbreviate(value));
    }

    /** A UUID, or null when the text cannot be one (for look-ups where an unknown id simply finds nothing). */
    public static UUID idOrNull(String value) {
        try {
            return value != null && value.length() == 36 ? UUID.fromString(value) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A well-formed BCP 47 language tag, in its canonical form (zh-hans becomes zh-Hans). */
    public static String languageTag(String field, String value) {
        if (value == null || value.isBlank() || value.length() > 35) {
            throw new BadUserInputException(field, field + " must be a BCP 47 language tag such as zh-Hans or en");
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(value.strip()).build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllformedLocaleException("no language");
            }
            return locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw new BadUserInputException(field,
                    field + " must be a BCP 47 language tag such as zh-Hans or en, was " + abbreviate(value));
        }
    }

    /** Quotes user text in an error message without letting a huge value through. */
    public static String abbreviate(String value) {
        String shown = value.codePointCount(0, value.length()) > 40
                ? value.substring(0, value.offsetByCodePoints(0, 40)) + "…"
                : value;
        return "'" + shown + "'";
    }

    private static String checked(String field, String value, int max, boolean multiline) {
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw new BadUserInputException(field,
                    field + " must be at most " + max + " characters, was " + length);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowedBreak = multiline && (c == '\n' || c == '\r' || c == '\t');
            if (Character.isISOControl(c) && !allowedBreak) {
                throw new BadUserInputException(field, field + " must not contain control characters");
            }
        }
        return value;
    }
}
