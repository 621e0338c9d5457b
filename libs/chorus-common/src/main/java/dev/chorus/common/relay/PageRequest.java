package dev.chorus.common.relay;

import java.util.function.Function;

import dev.chorus.common.error.BadUserInputException;

/**
 * A validated forward page request: how many nodes ({@code first}, 0..{@value #MAX_FIRST}, default
 * {@value #DEFAULT_FIRST}) after which row ({@code after}, the decoded cursor of the list's kind, or null for the
 * first page).
 */
public record PageRequest<C extends Cursor>(int first, C after) {
    public static final int DEFAULT_FIRST = 20;
    public static final int MAX_FIRST = 100;

    /** E.g. {@code PageRequest.of(first, after, Cursor.TimeAndId::decode)}. */
    public static <C extends Cursor> PageRequest<C> of(Integer first, String after, Function<String, C> decode) {
        int size = first == null ? DEFAULT_FIRST : first;
        if (size < 0 || size > MAX_FIRST) {
            throw new BadUserInputException("first", "first must be between 0 and " + MAX_FIRST + ", was " + size);
        }
        return new PageRequest<>(size, after == null ? null : decode.apply(after));
    }

    public boolean hasAfter() {
        return after != null;
    }

    /** Where a page of a list paged by position starts: after the {@code after} position, or at the beginning. */
    public static int offset(PageRequest<Cursor.Number> page) {
        return page.after() == null ? 0 : page.after().value();
    }

    /** Rows to fetch: one more than the page, to learn whether a next page exists. */
    public int fetchSize() {
        return first + 1;
    }

    /**
     * The connection of one fetched page: at most {@link #fetchSize()} rows (the extra one only telling that a
     * next page exists), each mapped to its node and cursor, with the total when it was counted.
     */
    public <E, T> Connection<T> connection(Slice<E> slice, Function<E, T> node, Function<T, ? extends Cursor> cursorOf) {
        return Connection.of(slice.rows().stream().map(node).toList(), this, t -> cursorOf.apply(t).encode(),
                slice.totalCount());
    }
}
