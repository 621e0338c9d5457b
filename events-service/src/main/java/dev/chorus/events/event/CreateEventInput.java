package dev.chorus.events.event;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.chorus.common.db.Idempotency;

@Input("CreateEventInput")
public record CreateEventInput(
        @NonNull String title,
        @NonNull EventKind kind,
        @NonNull Organizer organizer,
        String description,
        @Id @NonNull String venueId,
        @NonNull OffsetDateTime startsAt,
        @NonNull OffsetDateTime endsAt,
        @NonNull @Description("IANA time zone, e.g. Asia/Shanghai.") String timeZone,
        @NonNull Integer capacity,
        @NonNull OffsetDateTime opensAt,
        @NonNull OffsetDateTime closesAt,
        @Description(Idempotency.KEY_DESCRIPTION) String idempotencyKey) {
}
