package dev.chorus.events.registration;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import dev.chorus.events.event.EventStatus;

@Description("An event's seats at one moment: what eventSeats sends first and after each change.")
public record EventSeats(
        @NonNull Integer seatsRemaining,
        @NonNull Integer waitlistLength,
        @NonNull EventStatus status,
        @NonNull @Description("Grows by one with each change of the seats; never goes backwards.") Long version,
        @NonNull @Description("When the seats last changed (the changing statement's time, just before its commit).")
        OffsetDateTime changedAt,
        @Ignore String eventId) {
}
