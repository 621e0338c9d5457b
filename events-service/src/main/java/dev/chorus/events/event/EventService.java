package dev.chorus.events.event;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.chorus.common.db.Idempotency;
import dev.chorus.common.error.ConflictException;
import dev.chorus.common.error.NotFoundException;
import dev.chorus.common.input.Inputs;
import dev.chorus.common.security.Access;
import dev.chorus.common.time.Times;
import dev.chorus.events.venue.VenueEntity;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Events and their status: DRAFT to PUBLISHED to COMPLETED, DRAFT or PUBLISHED to CANCELLED. Every change locks
 * the event row, the same lock registrations take, so seats are never counted twice.
 */
@ApplicationScoped
public class EventService {
    private final SeatChanges seats;

    public EventService(SeatChanges seats) {
        this.seats = seats;
    }

    @WithTransaction
    public Uni<EventEntity> create(Access access, CreateEventInput input) {
        access.requireStaff();
        Idempotency.Key key = Idempotency.key("idempotencyKey", input.idempotencyKey());
        EventEntity event = new EventEntity();
        event.id = UUID.randomUUID();
        event.title = EventRules.title(input.title());
        event.kind = input.kind();
        event.organizer = input.organizer();
        event.description = EventRules.description(input.description());
        event.venueId = Inputs.id("venueId", input.venueId());
        event.timeZone = EventRules.timeZone(input.timeZone());
        event.startsAt = EventRules.utc(input.startsAt());
        event.endsAt = EventRules.utc(input.endsAt());
        event.opensAt = EventRules.utc(input.opensAt());
        event.closesAt = EventRules.utc(input.closesAt());
        event.capacity = input.capacity();
        EventRules.requireTimes(event);
        event.status = EventStatus.DRAFT;
        event.createdAt = Times.now();
        event.updatedAt = event.createdAt;
        return Idempotency.once("createEvent", access, key, input,
                () -> venue(event.venueId)
                        .map(venue -> EventRules.requireCapacity(event.capacity, venue))
                        .chain(() -> event.persist()).replaceWith(event),
                e -> e.id.toString(), id -> EventEntity.<EventEntity> findById(UUID.fromString(id)));
    }

    @WithTransaction
    public Uni<EventEntity> update(Access access, UpdateEventInput input) {
        access.requireStaff();
        UUID id = Inputs.id("id", input.id());
        String title = input.title() == null ? null : EventRules.title(input.title());
        String description = EventRules.description(input.description());
        UUID venueId = input.venueId() == null ? null : Inputs.id("venueId", input.venueId());
        String zone = input.timeZone() == null ? null : EventRules.timeZone(input.timeZone());
        return locked(id).chain(event -> {
            if (event.status != EventStatus.DRAFT && event.status != EventStatus.PUBLISHED) {
                throw new ConflictException("id", "a " + event.status + " event does not change");
            }
            if (title != null) event.title = title;
            if (input.description() != null) event.description = description;
            if (zone != null) event.timeZone = zone;
            if (input.startsAt() != null) event.startsAt = EventRules.utc(input.startsAt());
            if (input.endsAt() != null) event.endsAt = EventRules.utc(input.endsAt());
            if (input.opensAt() != null) event.opensAt = EventRules.utc(input.opensAt());
            if (input.closesAt() != null) event.closesAt = EventRules.utc(input.closesAt());
            if (venueId != null) event.venueId = venueId;
            EventRules.requireTimes(event);
            int capacity = input.capacity() == null ? event.capacity : input.capacity();
            return venue(event.venueId).chain(venue -> {
                EventRules.requireCapacity(capacity, venue);
                event.updatedAt = Times.now();
                return seats.capacity(event, capacity);
            }).replaceWith(event);
        });
    }

    @WithTransaction
    public Uni<EventEntity> publish(Access access, EventIdInput input) {
        return change(access, input.id(), event -> {
            if (event.status != EventStatus.DRAFT) {
                throw new ConflictException("id", "only a DRAFT event can be published; this one is " + event.status);
            }
            if (!event.startsAt.isAfter(Times.now())) {
                throw new ConflictException("startsAt", "an event that has started cannot be published");
            }
            event.status = EventStatus.PUBLISHED;
            event.publishedAt = event.updatedAt;
            return Uni.createFrom().item(event);
        });
    }

    /** Cancels the event and every registration of it. */
    @WithTransaction
    public Uni<EventEntity> cancel(Access access, EventIdInput input) {
        return change(access, input.id(), event -> {
            if (event.status != EventStatus.DRAFT && event.status != EventStatus.PUBLISHED) {
                throw new ConflictException("id", "a " + event.status + " event cannot be cancelled");
            }
            event.status = EventStatus.CANCELLED;
            return seats.cancelled(event).replaceWith(event);
        });
    }

    @WithTransaction
    public Uni<EventEntity> complete(Access access, EventIdInput input) {
        return change(access, input.id(), event -> {
            if (event.status != EventStatus.PUBLISHED) {
                throw new ConflictException("id", "only a PUBLISHED event can be completed; this one is " + event.status);
            }
            if (event.startsAt.isAfter(Times.now())) {
                throw new ConflictException("id", "an event that has not started cannot be completed");
            }
            event.status = EventStatus.COMPLETED;
            return Uni.createFrom().item(event);
        });
    }

    private Uni<EventEntity> change(Access access, String rawId,
            java.util.function.Function<EventEntity, Uni<EventEntity>> change) {
        access.requireStaff();
        UUID id = Inputs.id("id", rawId);
        return locked(id).chain(event -> {
            event.updatedAt = Times.now();
            return change.apply(event);
        });
    }

    /** The event, locked for the rest of the transaction. */
    public static Uni<EventEntity> locked(UUID id) {
        return locked(id, "id");
    }

    public static Uni<EventEntity> locked(UUID id, String field) {
        return EventEntity.<EventEntity> findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> new NotFoundException(field, "no event with id " + id));
    }

    private static Uni<VenueEntity> venue(UUID id) {
        return VenueEntity.<VenueEntity> findById(id)
                .onItem().ifNull().failWith(() -> new NotFoundException("venueId", "no venue with id " + id));
    }
}
