package dev.chorus.events.registration;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.chorus.common.error.ConflictException;
import dev.chorus.common.error.NotFoundException;
import dev.chorus.common.input.Inputs;
import dev.chorus.common.security.Access;
import dev.chorus.common.time.Times;
import dev.chorus.events.event.EventEntity;
import dev.chorus.events.event.EventService;
import dev.chorus.events.event.EventStatus;
import dev.chorus.events.event.EventVisibility;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Registrations. Every change locks the event row first: registrations for one event are taken one at a time,
 * in the order the database grants the lock, so capacity is never oversold and the waitlist is first come first
 * served. Seat counters live on the event row and change under the same lock.
 */
@ApplicationScoped
public class RegistrationService {
    /** Check-in opens this long before the event starts and closes when it ends. */
    static final Duration CHECK_IN_OPENS = Duration.ofHours(3);
    static final List<RegistrationStatus> ACTIVE = List.of(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED,
            RegistrationStatus.CHECKED_IN);

    private final Seats seats;

    public RegistrationService(Seats seats) {
        this.seats = seats;
    }

    /**
     * Registers the caller (the token's subject, never an argument): CONFIRMED while seats remain, else WAITLISTED;
     * registering again answers the existing registration. An event the caller may not see is NOT_FOUND.
     */
    @WithTransaction
    public Uni<RegistrationEntity> register(Access access, RegisterForEventInput input) {
        String attendee = access.requireSignedIn();
        UUID eventId = Inputs.id("eventId", input.eventId());
        return EventService.locked(eventId, "eventId").chain(event -> {
            if (!EventVisibility.sees(access, event)) {
                throw new NotFoundException("eventId", "no event with id " + eventId);
            }
            return RegistrationEntity.<RegistrationEntity> find("eventId = ?1 and attendeeId = ?2 and status in ?3",
                    eventId, attendee, ACTIVE).firstResult()
                    .chain(existing -> existing != null ? Uni.createFrom().item(existing) : take(event, attendee));
        });
    }

    private Uni<RegistrationEntity> take(EventEntity event, String attendee) {
        OffsetDateTime now = Times.now();
        if (event.status != EventStatus.PUBLISHED) {
            throw new ConflictException("eventId", "registration is open only for PUBLISHED events; this one is " + event.status);
        }
        if (now.isBefore(event.opensAt)) {
            throw new ConflictException("eventId", "registration opens at " + event.opensAt);
        }
        if (!now.isBefore(event.closesAt)) {
            throw new ConflictException("eventId", "registration closed at " + event.closesAt);
        }
        RegistrationEntity registration = new RegistrationEntity();
        registration.id = UUID.randomUUID();
        registration.eventId = event.id;
        registration.attendeeId = attendee;
        registration.registeredAt = now;
        registration.updatedAt = now;
        seats.take(event, registration);
        event.updatedAt = now;
        return registration.persist().replaceWith(registration);
    }

    /**
     * Cancels a CONFIRMED or WAITLISTED registration, the attendee's own or any for staff; a freed seat goes to the
     * first waitlisted, in the same transaction.
     */
    @WithTransaction
    public Uni<RegistrationEntity> cancel(Access access, RegistrationIdInput input) {
        return change(access, false, input.id(), (event, registration) -> {
            RegistrationStatus was = registration.status;
            if (was != RegistrationStatus.CONFIRMED && was != RegistrationStatus.WAITLISTED) {
                throw new ConflictException("id", "a " + was + " registration cannot be cancelled");
            }
            if (event.status != EventStatus.PUBLISHED && event.status != EventStatus.DRAFT) {
                throw new ConflictException("id", "registrations of a " + event.status + " event do not change");
            }
            return seats.release(event, registration).replaceWith(registration);
        });
    }

    /** CONFIRMED to CHECKED_IN, from three hours before the event starts until it ends; staff only, at the door. */
    @WithTransaction
    public Uni<RegistrationEntity> checkIn(Access access, RegistrationIdInput input) {
        return change(access, true, input.id(), (event, registration) -> {
            if (registration.status != RegistrationStatus.CONFIRMED) {
                throw new ConflictException("id", "only a CONFIRMED registration can check in; this one is "
                        + registration.status);
            }
            OffsetDateTime now = Times.now();
            if (event.status != EventStatus.PUBLISHED || now.isBefore(event.startsAt.minus(CHECK_IN_OPENS))
                    || now.isAfter(event.endsAt)) {
                throw new ConflictException("id", "check-in is open from " + event.startsAt.minus(CHECK_IN_OPENS)
                        + " until " + event.endsAt + " for a PUBLISHED event");
            }
            registration.status = RegistrationStatus.CHECKED_IN;
            registration.checkedInAt = now;
            registration.updatedAt = now;
            return Uni.createFrom().item(registration);
        });
    }

    /**
     * Changes a registration under its event's lock: staff may change any ({@code staffOnly}: only staff), an
     * attendee their own; anyone else's is NOT_FOUND.
     */
    private Uni<RegistrationEntity> change(Access access, boolean staffOnly, String rawId,
            java.util.function.BiFunction<EventEntity, RegistrationEntity, Uni<RegistrationEntity>> change) {
        if (staffOnly) {
            access.requireStaff();
        }
        String subject = access.requireSignedIn();
        UUID id = Inputs.id("id", rawId);
        return RegistrationEntity.<RegistrationEntity> findById(id)
                .map(found -> found != null && (access.staff() || found.attendeeId.equals(subject)) ? found : null)
                .onItem().ifNull().failWith(() -> new NotFoundException("id", "no registration with id " + id))
                // lock the event, then read the registration again under that lock
                .chain(found -> EventService.locked(found.eventId).chain(event -> Panache.getSession()
                        .chain(session -> session.refresh(found)).replaceWith(found)
                        .chain(registration -> change.apply(event, registration))));
    }
}
