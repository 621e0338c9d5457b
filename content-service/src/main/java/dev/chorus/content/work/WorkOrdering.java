package dev.chorus.content.work;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import dev.chorus.common.error.BadUserInputException;
import dev.chorus.common.relay.Cursor;

/**
 * A validated ordering of works ({@link WorkRules#ordering}): its SQL over the work alias {@code w}, the keyset
 * condition after a cursor, and the cursor of a listed work. The sort key is answered by the query itself
 * ({@code sort_key}), so a cursor holds exactly what the database compared.
 */
public record WorkOrdering(WorkOrderField field, LocalDate from, LocalDate to) {
    public static final WorkOrdering NEWEST = new WorkOrdering(WorkOrderField.NEWEST, null, null);

    /** A client's {@code after}, as a cursor of this ordering. */
    public Cursor decode(String after) {
        return switch (field) {
            case NEWEST -> Cursor.TimeAndId.decode(after);
            case MOST_PLAYED -> Cursor.NumberAndId.decode(after);
            case TITLE -> Cursor.TextAndId.decode(after);
        };
    }

    /** What the sort key needs besides the work's own columns: the plays of each work, summed over the period. */
    String join(Map<String, Object> params) {
        if (field != WorkOrderField.MOST_PLAYED) {
            return "";
        }
        String period = "";
        if (from != null) {
            period = " and e.day between :playsFrom and :playsTo";
            params.put("playsFrom", from);
            params.put("playsTo", to);
        }
        return " cross join lateral (select coalesce(sum(e.plays), 0)::bigint as plays from engagement_daily e "
                + "where e.work_id = w.id" + period + ") pl";
    }

    /** The sort key's SQL. */
    String key() {
        return switch (field) {
            case NEWEST -> "w.created_at";
            case MOST_PLAYED -> "pl.plays";
            case TITLE -> "lower(w.title)";
        };
    }

    /** The SQL order: the key, then the id, both the same way. */
    String order() {
        String direction = field == WorkOrderField.TITLE ? "" : " desc";
        return key() + direction + ", w.id" + direction;
    }

    /** The keyset condition for the rows after {@code cursor} (none without one), adding its parameters. */
    String after(Cursor cursor, Map<String, Object> params) {
        if (cursor == null) {
            return "";
        }
        Object key;
        UUID id;
        if (cursor instanceof Cursor.TimeAndId t) {
            key = t.time();
            id = t.id();
        } else if (cursor instanceof Cursor.NumberAndId n) {
            key = n.number();
            id = n.id();
        } else if (cursor instanceof Cursor.TextAndId t) {
            key = t.text();
            id = t.id();
        } else {
            throw new BadUserInputException("after", "after is not a cursor returned by this field");
        }
        params.put("afterKey", key);
        params.put("afterId", id);
        String op = field == WorkOrderField.TITLE ? ">" : "<";
        return " and (" + key() + " " + op + " :afterKey or (" + key() + " = :afterKey and w.id " + op + " :afterId))";
    }

    /** The cursor of a listed work, from the work and the sort key its query answered. */
    public Cursor cursor(Work work, Object sortKey) {
        return switch (field) {
            case NEWEST -> Cursor.TimeAndId.of(work.createdAt(), work.id());
            case MOST_PLAYED -> new Cursor.NumberAndId(((Number) sortKey).longValue(), UUID.fromString(work.id()));
            case TITLE -> Cursor.TextAndId.of((String) sortKey, work.id());
        };
    }
}
