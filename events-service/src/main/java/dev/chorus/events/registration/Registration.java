package dev.chorus.events.registration;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("An attendee's place at an event.")
public record Registration(
        @Id @NonNull String id,
        @NonNull String attendeeId,
        @NonNull @Description("The order in which the event took registrations: 1, 2, 3... Seats and the waitlist "
                + "follow it.") int queueNumber,
        @NonNull RegistrationStatus status,
        @NonNull OffsetDateTime registeredAt,
        @NonNull OffsetDateTime updatedAt,
        OffsetDateTime checkedInAt,
        @Ignore String eventId) {

    public static Registration from(RegistrationEntity e) {
        return new Registration(e.id.toString(), e.attendeeId, e.queueNumber, e.status, e.registeredAt, e.updatedAt,
                e.checkedInAt, e.eventId.toString());
    }
}
