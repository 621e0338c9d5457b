package dev.chorus.events.event;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("EventFilter")
@Description("Narrows `events`; every field given must match. Pass `from` = now for upcoming events only.")
public record EventFilter(EventKind kind, @Description("The venue's city, by any of its names (case-insensitive; see `cities`).") String city,
        Organizer organizer, EventStatus status,
        @Description("Events ending at or after this time.") OffsetDateTime from,
        @Description("Events starting before this time.") OffsetDateTime to) {
}
