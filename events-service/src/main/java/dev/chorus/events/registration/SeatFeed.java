package dev.chorus.events.registration;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.chorus.common.error.NotFoundException;
import dev.chorus.common.live.LatestState;
import dev.chorus.common.live.Notifications;
import dev.chorus.common.security.Access;
import dev.chorus.events.event.EventEntity;
import dev.chorus.events.event.EventQueries;
import dev.chorus.events.event.EventVisibility;
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
    /** Events kept for {@link #eventOf}, a few versions of the busiest events; the lot is dropped beyond it. */
    static final int MAX_SHARED_EVENTS = 256;

    private final Map<String, Uni<EventEntity>> eventAtVersion = new ConcurrentHashMap<>();

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
        String id = eventId.toString();
        return events.byId(access, eventId).onItem().ifNull().failWith(() -> new NotFoundException("eventId",
                "no event with id " + eventId)).onItem().transformToMulti(visible -> LatestState.of(
                        notifications.channel(CHANNEL),
                        notice -> notice.resync() ? registrations.seats(eventId) : Uni.createFrom().item(mine(id, notice)),
                        registrations.seats(eventId), EventSeats::version));
    }

    /** The seats a notice announces when they are this event's, else null (nothing to send). */
    private static EventSeats mine(String eventId, Notifications.Notice notice) {
        EventSeats seats = parse(notice.payload());
        return seats.eventId().equals(eventId) ? seats : null;
    }

    /**
     * The event as of a message, as the caller may see it: read once per message version for every subscriber of
     * this process (1,000 subscribers asking for it would otherwise read it 1,000 times per change).
     */
    public Uni<EventEntity> eventOf(Access access, EventSeats seats) {
        String key = seats.eventId() + "@" + seats.version();
        if (eventAtVersion.size() > MAX_SHARED_EVENTS) {
            eventAtVersion.clear();
        }
        return eventAtVersion.computeIfAbsent(key, k -> events.byIds(List.of(UUID.fromString(seats.eventId())))
                .map(found -> found.get(0)).onFailure().invoke(() -> eventAtVersion.remove(k)).memoize().indefinitely())
                .map(e -> EventVisibility.sees(access, e) ? e : null);
    }

    static EventSeats parse(String payload) {
        JsonObject json = new JsonObject(payload);
        return new EventSeats(json.getInteger("remaining"), json.getInteger("waitlist"),
                EventStatus.valueOf(json.getString("status")), json.getLong("version"),
                OffsetDateTime.parse(json.getString("at")), json.getString("id"));
    }
}
