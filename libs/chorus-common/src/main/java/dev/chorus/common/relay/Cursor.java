package dev.chorus.common.relay;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import dev.chorus.common.error.BadUserInputException;

/**
 * What a list's cursors hold: the sort key of a row. Each kind encodes its own parts ({@link #encode}) and decodes
 * a client's {@code after} ({@code decode}, BAD_USER_INPUT on {@code after} when it is not a cursor of that kind);
 * the text is opaque to clients ({@link Cursors}). A list names its kind once, in {@link PageRequest#of}.
 */
public sealed interface Cursor permits Cursor.TimeAndId, Cursor.TextAndId, Cursor.IdAndNumber, Cursor.NumberAndId,
        Cursor.Number {
    String encode();

    /** Lists ordered by a time, then the id (creators by joining, works by creation, events by start…). */
    record TimeAndId(OffsetDateTime time, UUID id) implements Cursor {
        /** The time as UTC, so that the cursor is the same whatever offset the row's time is shown in. */
        public static TimeAndId of(OffsetDateTime time, String id) {
            return new TimeAndId(time.withOffsetSameInstant(ZoneOffset.UTC), UUID.fromString(id));
        }

        @Override
        public String encode() {
            return Cursors.encode(time.toString(), id.toString());
        }

        public static TimeAndId decode(String cursor) {
            List<String> parts = Cursors.decode(cursor, 2);
            try {
                return new TimeAndId(OffsetDateTime.parse(parts.get(0)), UUID.fromString(parts.get(1)));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw invalid();
            }
        }
    }

    /** Lists ordered by a text, then the id (venues by name). */
    record TextAndId(String text, UUID id) implements Cursor {
        public static TextAndId of(String text, String id) {
            return new TextAndId(text, UUID.fromString(id));
        }

        @Override
        public String encode() {
            return Cursors.encode(text, id.toString());
        }

        public static TextAndId decode(String cursor) {
            List<String> parts = Cursors.decode(cursor, 2);
            try {
                return new TextAndId(parts.get(0), UUID.fromString(parts.get(1)));
            } catch (IllegalArgumentException e) {
                throw invalid();
            }
        }
    }

    /** Lists ordered by an id, then a number (a creator's credit lines: by work, then position on it). */
    record IdAndNumber(UUID id, int number) implements Cursor {
        @Override
        public String encode() {
            return Cursors.encode(id.toString(), Integer.toString(number));
        }

        public static IdAndNumber decode(String cursor) {
            List<String> parts = Cursors.decode(cursor, 2);
            try {
                return new IdAndNumber(UUID.fromString(parts.get(0)), Integer.parseInt(parts.get(1)));
            } catch (IllegalArgumentException e) {
                throw invalid();
            }
        }
    }

    /** Lists ordered by a count, then the id (works by plays). */
    record NumberAndId(long number, UUID id) implements Cursor {
        @Override
        public String encode() {
            return Cursors.encode(Long.toString(number), id.toString());
        }

        public static NumberAndId decode(String cursor) {
            List<String> parts = Cursors.decode(cursor, 2);
            try {
                return new NumberAndId(Long.parseLong(parts.get(0)), UUID.fromString(parts.get(1)));
            } catch (IllegalArgumentException e) {
                throw invalid();
            }
        }
    }

    /** Lists ordered by one number: a queue number, or the 1-based position in the whole list. */
    record Number(int value) implements Cursor {
        @Override
        public String encode() {
            return Cursors.encode(Integer.toString(value));
        }

        public static Number decode(String cursor) {
            List<String> parts = Cursors.decode(cursor, 1);
            try {
                return new Number(Integer.parseInt(parts.get(0)));
            } catch (NumberFormatException e) {
                throw invalid();
            }
        }
    }

    private static BadUserInputException invalid() {
        return new BadUserInputException("after", "after is not a cursor returned by this field");
    }
}
