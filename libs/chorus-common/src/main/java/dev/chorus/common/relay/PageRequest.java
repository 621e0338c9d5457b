package dev.chorus.common.relay;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import dev.chorus.common.error.BadUserInputException;

/**
 * A validated forward page request: how many nodes ({@code first}, 0..{@value #MAX_FIRST}, default
 * {@value #DEFAULT_FIRST}) after which cursor (its decoded parts, or null for the first page).
 */
public record PageRequest(int first, List<String> after) {
    public static final int DEFAULT_FIRST = 20;
    public static final int MAX_FIRST = 100;

    /**
     * @param cursorParts how many parts the list's cursors hold: 2 for a list ordered by a value and the id (a
     *        time and an id: {@code Cursors.encode(time, id)}), 1 for a list ordered by one number (a position, a
     *        queue number); a cursor with another number of parts is BAD_USER_INPUT
     */
    public static PageRequest of(Integer first, String after, int cursorParts) {
        int size = first == null ? DEFAULT_FIRST : first;
        if (size < 0 || size > MAX_FIRST) {
            throw new BadUserInputException("first", "first must be between 0 and " + MAX_FIRST + ", was " + size);
        }
        return new PageRequest(size, after == null ? null : Cursors.decode(after, cursorParts));
    }

    public boolean hasAfter() {
        return after != null;
    }

    /** Part {@code index} of the {@code after} cursor as a timestamp. */
    public OffsetDateTime afterTime(int index) {
        try {
            return OffsetDateTime.parse(after.get(index));
        } catch (DateTimeParseException e) {
            throw invalidCursor();
        }
    }

    /** Part {@code index} of the {@code after} cursor as an id. */
    public UUID afterId(int index) {
        try {
            return UUID.fromString(after.get(index));
        } catch (IllegalArgumentException e) {
            throw invalidCursor();
        }
    }

    /** Part {@code index} of the {@code after} cursor as a whole number (a position or a queue number). */
    public int afterNumber(int index) {
        try {
            return Integer.parseInt(after.get(index));
        } catch (NumberFormatException e) {
            throw invalidCursor();
        }
    }

    /** Where a page of a list paged by position starts: after the {@code after} position, or at the beginning. */
    public int offset() {
        return after == null ? 0 : afterNumber(0);
    }

    private static BadUserInputException invalidCursor() {
        return new BadUserInputException("after", "after is not a cursor returned by this field");
    }

    /** Rows to fetch: one more than the page, to learn whether a next page exists. */
    public int fetchSize() {
        return first + 1;
    }
}
