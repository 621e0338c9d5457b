package dev.chorus.events.event;

import io.smallrye.mutiny.Uni;

/**
 * What a change of an event does to its seats. The seat rules have one home, registration's {@code Seats}, which
 * implements this; the event feature calls it through this interface, so it does not depend on registrations.
 * Callers hold the event row's lock.
 */
public interface SeatChanges {
    /** The capacity becomes {@code capacity}: CONFLICT below the seats confirmed; freed seats go to the waitlist. */
    Uni<Void> capacity(EventEntity event, int capacity);

    /** The event is cancelled: every CONFIRMED or WAITLISTED registration is cancelled, no seat is taken. */
    Uni<Void> cancelled(EventEntity event);
}
