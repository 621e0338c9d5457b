package dev.chorus.events.event;

import dev.chorus.common.security.Access;

/**
 * Which events a caller may see: once published, an event is public for good (also CANCELLED or COMPLETED, so
 * its registrants learn what became of it); a DRAFT, or an event cancelled before it was ever published, only
 * staff see. Hidden events answer null or NOT_FOUND.
 */
public final class EventVisibility {
    private EventVisibility() {
    }

    public static boolean sees(Access access, EventEntity event) {
        return event != null && (access.staff() || event.publishedAt != null);
    }

    /** The rule as a SQL condition on table alias {@code e}; empty for staff. */
    public static String sql(Access access) {
        return access.staff() ? "" : " and e.published_at is not null";
    }
}
