package dev.chorus.events.registration;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import dev.chorus.common.error.NotFoundException;
import dev.chorus.common.live.Notifications;
import dev.chorus.common.security.Access;
import dev.chorus.events.event.EventQueries;
import dev.chorus.events.event.EventStatus;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/**
 * An event's seats as a stream: the current state first, then one message per committed change, from the
 * notifications of the event_seats channel (a trigger of the event table sends them, whichever replica changed the
 * seats). A message older than one already sent is dropped, so versions never go backwards; after the listener
 * reconnects the state is read again, since NOTIFY replays nothing.
 */
@ApplicationScoped
public class SeatFeed {
    static final String CHANNEL = "event_seats";

    private final Notifications notifications;
    private final EventQueries events;
    private final RegistrationQueries registrations;

    public SeatFeed(Notifications notifications, EventQueries events, RegistrationQueries registrations) {
        this.notifications = notifications;
        this.events = events;
        this.registrations = registrations;
    }

    /** NOT_FOUND when the caller may not see the event, as the query would answer null. */
    public Multi<EventSeats> seats(Access access, UUID eventId) {
        return events.byId(access, eventId).onItem().ifNull().failWith(() -> new NotFoundException("eventId",
                "no event with id " + eventId)).onItem().transformToMulti(visible -> {
                    AtomicLong sent = new AtomicLong(-1);
                    Multi<Update> changes = notifications.channel(CHANNEL).onItem().transformToUniAndConcatenate(
                            notice -> notice.resync() ? current(eventId).map(seats -> new Update(seats,
                                    notice.reconnected()))
                                    : Uni.createFrom().item(new Update(parse(notice.payload()), false)))
                            .filter(update -> update.seats() != null
                                    && update.seats().eventId().equals(eventId.toString()));
                    // listen first, then read: a change between the two arrives as a message (dropped if older)
                    return Multi.createBy().merging().streams(changes,
                            current(eventId).map(seats -> new Update(seats, false)).toMulti())
                            .filter(update -> update.seats() != null && newer(sent, update))
                            .map(Update::seats);
                });
    }

    /** A state to send; after a reconnect it is sent even when unchanged, so the client knows it is current. */
    private record Update(EventSeats seats, boolean resync) {
    }

    private Uni<EventSeats> current(UUID eventId) {
        return registrations.seats(eventId);
    }

    /** Versions never go backwards: an older state is dropped, the same one only repeated after a reconnect. */
    private static boolean newer(AtomicLong sent, Update update) {
        long version = update.seats().version();
        long last;
        do {
            last = sent.get();
            if (version < last || version == last && !update.resync()) {
                return false;
            }
        } while (!sent.compareAndSet(last, version));
        return true;
    }

    static EventSeats parse(String payload) {
        JsonObject json = new JsonObject(payload);
        return new EventSeats(json.getInteger("remaining"), json.getInteger("waitlist"),
                EventStatus.valueOf(json.getString("status")), json.getLong("version"), json.getString("id"));
    }
}
