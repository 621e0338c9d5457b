package dev.chorus.events.event;

import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Inaccessible;
import io.smallrye.graphql.api.federation.Key;

@Key(fields = @FieldSet("id"))
@Key(fields = @FieldSet("ref"))
@Description("An offline concert, exchange, training, workshop or listening session. Owned by events-service.")
// seatsRemaining and waitlistLength are added by registration's GraphQL API (the seat rules live in Seats)
public record Event(
        @Id @NonNull String id,
        @NonNull String title,
        @NonNull EventKind kind,
        @NonNull Organizer organizer,
        String description,
        @NonNull OffsetDateTime startsAt,
        @NonNull OffsetDateTime endsAt,
        @NonNull @Description("IANA time zone of the venue, e.g. Asia/Shanghai.") String timeZone,
        @NonNull @Description("Seats; at most the venue's capacity.") int capacity,
        @NonNull @Description("Registration opens.") OffsetDateTime opensAt,
        @NonNull @Description("Registration closes; at the latest when the event starts.") OffsetDateTime closesAt,
        @NonNull EventStatus status,
        @Description("When the event was first opened to the public; null while a DRAFT.") OffsetDateTime publishedAt,
        @NonNull OffsetDateTime createdAt,
        @NonNull OffsetDateTime updatedAt,
        @Inaccessible @NonNull @Description("The key other subgraphs hold an event by (a challenge's concert-slot "
                + "prize): the same UUID as id, hidden from clients, so that the gateway asks events-service, which "
                + "answers null for an event the caller may not see (a draft), even when only its id is asked.")
        String ref,
        @Ignore String venueId,
        @Ignore int confirmedCount,
        @Ignore int waitlistCount) {

    /** Its times in the event's own time zone (what a front end shows); creation and update times in UTC. */
    public static Event from(EventEntity e) {
        ZoneId zone = ZoneId.of(e.timeZone);
        return new Event(e.id.toString(), e.title, e.kind, e.organizer, e.description, local(e.startsAt, zone),
                local(e.endsAt, zone), e.timeZone, e.capacity, local(e.opensAt, zone), local(e.closesAt, zone), e.status,
                e.publishedAt, e.createdAt, e.updatedAt, e.id.toString(), e.venueId.toString(), e.confirmedCount, e.waitlistCount);
    }

    public static OffsetDateTime local(OffsetDateTime time, ZoneId zone) {
        return time == null ? null : time.atZoneSameInstant(zone).toOffsetDateTime();
    }
}
