package dev.chorus.events.event;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("UpdateEventInput")
@Description("Fields left out stay. A DRAFT or PUBLISHED event changes; raising the capacity confirms waitlisted "
        + "registrations in order, lowering it below the confirmed count is a CONFLICT.")
public record UpdateEventInput(
        @Id @NonNull String id,
        String title,
        String description,
        @Id String venueId,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        String timeZone,
        Integer capacity,
        OffsetDateTime opensAt,
        OffsetDateTime closesAt) {
}
