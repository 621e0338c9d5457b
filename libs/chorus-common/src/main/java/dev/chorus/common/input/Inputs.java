package dev.chorus.common.input;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.chorus.common.error.BadUserInputException;

/**
 * The one rule for every text a client sends, shared by every service's inputs. Every string has a bound, counted
 * in Unicode code points so that a Chinese name is measured like a Latin one; control characters (NUL above all,
 * which PostgreSQL refuses) and lone surrogates (which it would store as '?') are refused; a required text must show
 * something: spaces of every kind and invisible characters alone are blank.
 */
public final class Inputs {
    private Inputs() {
    }

    /**
     * A required single-line text: trimmed of spaces of every kind at both ends, at most {@code max} code points,
     * and refused when nothing visible is left (blank, or only spaces and invisible format characters).
     */
    public static String requiredLine(String field, String value, int max) {
        if (value == null || !hasVisible(value)) {
            throw new BadUserInputException(field, field + " must not be blank");
        }
        return checked(field, trim(value), max, false);
    }

    /** An optional single-line text: null stays null (unchanged), blank (nothing visible) becomes null. */
    public static String optionalLine(String field, String value, int max) {
        if (value == null || !hasVisible(value)) {
            checkedUnicode(field, value);
            return null;
        }
        return checked(field, trim(value), max, false);
    }

    /** A required multi-line text (line breaks and tabs allowed), refused when nothing visible is left. */
    public static String requiredText(String field, String value, int max) {
        if (value == null || !hasVisible(value)) {
            throw new BadUserInputException(field, field + " must not be blank");
        }
        return checked(field, trim(value), max, true);
    }

    /** An optional multi-line text (line breaks and tabs allowed): blank (nothing visible) becomes null. */
    public static String optionalText(String field, String value, int max) {
        if (value == null || !hasVisible(value)) {
            checkedUnicode(field, value);
            return null;
        }
        return checked(field, trim(value), max, true);
    }

    /**
     * Whether the text shows anything: a code point that is not a space of any kind (NBSP, figure space,
     * ideographic space…), a control, an invisible format character (zero-width space and joiners, bidi controls,
     * BOM, soft hyphen…), a filler (Hangul fillers, braille blank) or a combining mark with nothing to combine with.
     */
    public static boolean hasVisible(String value) {
        return value.codePoints().anyMatch(Inputs::visible);
    }

    static boolean visible(int c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
            return false;
        }
        return switch (Character.getType(c)) {
            case Character.FORMAT, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                    Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE -> false;
            default -> c != 0x115F && c != 0x1160 && c != 0x3164 && c != 0xFFA0 && c != 0x2800;
        };
    }

    /** Spaces of every kind (not only ASCII ones) removed from both ends. */
    static String trim(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isSpace(value.codePointAt(start))) {
            start += Character.charCount(value.codePointAt(start));
        }
        while (end > start && isSpace(value.codePointBefore(end))) {
            end -= Character.charCount(value.codePointBefore(end));
        }
        return value.substring(start, end);
    }

    private static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** A lone surrogate is not text: PostgreSQL would store it as '?'. */
    private static void checkedUnicode(String field, String value) {
        if (value != null && hasLoneSurrogate(value)) {
            throw new BadUserInputException(field, field + " holds invalid Unicode (a lone surrogate)");
        }
    }

    /** Whether the text holds a surrogate that is not half of a pair (the one definition, also for the HTTP edge). */
    public static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
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

    /**
     * An IANA time zone id (Asia/Shanghai, UTC, America/New_York), in its canonical spelling whatever the case;
     * offsets and offset-style ids (+08:00, UTC+8, GMT+08:00) are refused, since they know no daylight saving.
     */
    public static ZoneId timeZone(String field, String value) {
        String id = value == null ? null : IANA_ZONES.get(value.strip().toLowerCase(Locale.ROOT));
        if (id == null) {
            throw new BadUserInputException(field, field + " must be an IANA time zone such as Asia/Shanghai, was "
                    + (value == null ? "null" : abbreviate(value)));
        }
        return ZoneId.of(id);
    }

    private static final Map<String, String> IANA_ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> !id.startsWith("SystemV/"))
            .collect(java.util.stream.Collectors.toUnmodifiableMap(id -> id.toLowerCase(Locale.ROOT), id -> id,
                    (a, b) -> a));

    /** An ISO 4217 currency code in upper case (CNY, USD), as it is: cny or a code no one issues is refused. */
    public static String currency(String field, String value) {
        if (value != null && value.matches("[A-Z]{3}")) {
            try {
                return Currency.getInstance(value).getCurrencyCode();
            } catch (IllegalArgumentException e) {
                // fall through
            }
        }
        throw new BadUserInputException(field, field + " must be an ISO 4217 currency code such as CNY, was "
                + (value == null ? "null" : abbreviate(value)));
    }

    /** An amount of money: above 0, at most {@code max}, in cents at most (1.005 is refused, not rounded). */
    public static BigDecimal amount(String field, BigDecimal value, BigDecimal max) {
        if (value == null) {
            throw new BadUserInputException(field, field + " is required");
        }
        if (value.signum() <= 0 || value.compareTo(max) > 0) {
            throw new BadUserInputException(field, field + " must be above 0 and at most " + max.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new BadUserInputException(field, field + " has at most two decimal places");
        }
        return value.setScale(2);
    }

    /** Quotes user text in an error message without letting a huge value through. */
    public static String abbreviate(String value) {
        String shown = value.codePointCount(0, value.length()) > 40
                ? value.substring(0, value.offsetByCodePoints(0, 40)) + "…"
                : value;
        return "'" + shown + "'";
    }

    private static String checked(String field, String value, int max, boolean multiline) {
        checkedUnicode(field, value);
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
