package dev.chorus.events.registration;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.chorus.common.graphql.Selections;
import dev.chorus.common.input.Inputs;
import dev.chorus.common.relay.Connection;
import dev.chorus.common.relay.Cursor;
import dev.chorus.common.relay.PageRequest;
import dev.chorus.common.security.Access;
import dev.chorus.common.security.Caller;
import dev.chorus.events.event.Event;
import dev.chorus.events.event.EventGraphQLApi;
import dev.chorus.events.event.EventQueries;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Registrations in the graph: thin mapping to {@link RegistrationService}. */
@GraphQLApi
public class RegistrationGraphQLApi {
    private final RegistrationService service;
    private final EventQueries events;
    private final RegistrationQueries registrations;
    private final SeatFeed seatFeed;
    private final Context context;
    private final Caller caller;

    public RegistrationGraphQLApi(RegistrationService service, EventQueries events, RegistrationQueries registrations,
            SeatFeed seatFeed, Context context, Caller caller) {
        this.seatFeed = seatFeed;
        this.registrations = registrations;
        this.caller = caller;
        this.service = service;
        this.events = events;
        this.context = context;
    }

    @Query
    @Description("A registration by id, or null. Only its attendee and staff see it.")
    public Uni<Registration> registration(@Id @NonNull String id) {
        Access access = caller.access();
        return registrations.registration(access, Inputs.id("id", id))
                .map(r -> r == null ? null : Registration.from(r));
    }

    @Query
    @Description("The caller's own registrations, latest first. UNAUTHENTICATED without a token.")
    public Uni<Connection<@NonNull Registration>> myRegistrations(Integer first, String after) {
        Access access = caller.access();
        return ofAttendee(access.requireSignedIn(), first, after);
    }

    @Query
    @Description("Any attendee's registrations, latest first. Staff only.")
    public Uni<Connection<@NonNull Registration>> attendeeRegistrations(@NonNull String attendeeId,
            Integer first, String after) {
        Access access = caller.access();
        access.requireStaff();
        return ofAttendee(Inputs.requiredLine("attendeeId", attendeeId, 128), first, after);
    }

    private Uni<Connection<Registration>> ofAttendee(String attendee, Integer first, String after) {
        PageRequest<Cursor.TimeAndId> page = PageRequest.of(first, after, Cursor.TimeAndId::decode);
        return registrations.ofAttendee(attendee, page, Selections.wants(context, "totalCount"))
                .map(slice -> page.connection(slice, Registration::from,
                        r -> Cursor.TimeAndId.of(r.registeredAt(), r.id())));
    }

    @NonNull
    public Uni<List<@NonNull Event>> event(@Source List<Registration> registrations) {
        return events.byIds(registrations.stream().map(r -> UUID.fromString(r.eventId())).toList())
                .map(rows -> rows.stream().map(Event::from).toList());
    }

    // --- Event, extended: registrations and seats (the seat rules live in Seats)

    @Description("Registrations in queue order (the order the event took them), optionally of one status. Only for "
            + "staff; null for others.")
    public Uni<List<Connection<@NonNull Registration>>> registrations(@Source List<Event> events,
            RegistrationStatus status, Integer first, String after) {
        if (!caller.access().staff()) {
            return Uni.createFrom().item(events.stream().<Connection<Registration>> map(e -> null).toList());
        }
        PageRequest<Cursor.Number> page = PageRequest.of(first, after, Cursor.Number::decode);
        List<UUID> ids = EventGraphQLApi.ids(events);
        return registrations.registrationsOf(ids, status, page, Selections.wants(context, "totalCount"))
                .map(slices -> ids.stream().map(id -> page.connection(slices.get(id), Registration::from,
                        r -> new Cursor.Number(r.queueNumber()))).toList());
    }

    @NonNull
    @Description("Seats not taken by CONFIRMED or CHECKED_IN registrations.")
    public int seatsRemaining(@Source Event event) {
        return Seats.remaining(event.capacity(), event.confirmedCount());
    }

    @NonNull
    @Description("WAITLISTED registrations.")
    public int waitlistLength(@Source Event event) {
        return event.waitlistCount();
    }

    @Subscription
    @Description("An event's seats: the current state first, then one message per change (registration, "
            + "cancellation, promotion, capacity, the event's status), from whichever replica made it; versions only "
            + "grow. Refused (NOT_FOUND) for an event the caller may not see.")
    public Multi<EventSeats> eventSeats(@Id @NonNull String eventId) {
        Access access = caller.access();
        return caller.subscription(() -> seatFeed.seats(access, Inputs.id("eventId", eventId)));
    }

    @Name("event")
    @Description("The event (as the caller may see it). Not batched: a subscription's message holds one; read "
            + "once per change for all subscribers.")
    public Uni<Event> eventOfSeats(@Source EventSeats seats) {
        return seatFeed.eventOf(caller.access(), seats).map(e -> e == null ? null : Event.from(e));
    }

    @Mutation
    @Description("Registers the caller (the token's subject): CONFIRMED while seats remain, else WAITLISTED. "
            + "Registering again answers the existing registration. Only for PUBLISHED events within their "
            + "registration window; UNAUTHENTICATED without a token.")
    public Uni<@NonNull Registration> registerForEvent(@NonNull RegisterForEventInput input) {
        return service.register(caller.access(), input).map(Registration::from);
    }

    @Mutation
    @Description("Cancels one of the caller's registrations (staff: any); a freed seat goes to the first "
            + "waitlisted registration.")
    public Uni<@NonNull Registration> cancelRegistration(@NonNull RegistrationIdInput input) {
        return service.cancel(caller.access(), input).map(Registration::from);
    }

    @Mutation
    @Description("Checks in a CONFIRMED registration, from three hours before the event until its end. Staff only.")
    public Uni<@NonNull Registration> checkIn(@NonNull RegistrationIdInput input) {
        return service.checkIn(caller.access(), input).map(Registration::from);
    }
}
