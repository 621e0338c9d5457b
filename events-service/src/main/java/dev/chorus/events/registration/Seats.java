package dev.chorus.events.registration;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.chorus.common.error.ConflictException;
import dev.chorus.common.time.Times;
import dev.chorus.events.event.EventEntity;
import dev.chorus.events.event.SeatChanges;
import io.smallrye.mutiny.Uni;

/**
 * Every seat decision: who gets a seat, who waits, what a cancellation or a capacity change frees, and how many
 * seats are left. The counters live on the event row; callers hold its lock, so they are exact (a check constraint
 * on the table is the last safety net).
 */
@ApplicationScoped
public class Seats implements SeatChanges {

    /** Seats not taken by CONFIRMED or CHECKED_IN registrations. */
    public static int remaining(int capacity, int confirmed) {
        return capacity - confirmed;
    }

    /** A new registration: CONFIRMED while seats remain, else WAITLISTED; its place in the queue. */
    void take(EventEntity event, RegistrationEntity registration) {
        registration.queueNumber = ++event.registrationCount;
        if (remaining(event.capacity, event.confirmedCount) > 0) {
            registration.status = RegistrationStatus.CONFIRMED;
            event.confirmedCount++;
        } else {
            registration.status = RegistrationStatus.WAITLISTED;
            event.waitlistCount++;
        }
    }

    /** A CONFIRMED or WAITLISTED registration is cancelled; a freed seat goes to the first waitlisted. */
    Uni<Void> release(EventEntity event, RegistrationEntity registration) {
        RegistrationStatus was = registration.status;
        registration.status = RegistrationStatus.CANCELLED;
        registration.updatedAt = Times.now();
        if (was == RegistrationStatus.CONFIRMED) {
            event.confirmedCount--;
        } else {
            event.waitlistCount--;
        }
        return promoteWaitlisted(event);
    }

    @Override
    public Uni<Void> capacity(EventEntity event, int capacity) {
        if (capacity < event.confirmedCount) {
            throw new ConflictException("capacity", "capacity " + capacity + " is below the "
                    + event.confirmedCount + " seats already confirmed");
        }
        event.capacity = capacity;
        return promoteWaitlisted(event);
    }

    @Override
    public Uni<Void> cancelled(EventEntity event) {
        event.confirmedCount = 0;
        event.waitlistCount = 0;
        return RegistrationEntity.update("status = ?1, updatedAt = ?2 where eventId = ?3 and status in ?4",
                RegistrationStatus.CANCELLED, Times.now(), event.id,
                List.of(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)).replaceWith(Uni.createFrom().voidItem());
    }

    /** Confirms waitlisted registrations, first come first served, while seats remain. */
    private static Uni<Void> promoteWaitlisted(EventEntity event) {
        int free = remaining(event.capacity, event.confirmedCount);
        if (free <= 0 || event.waitlistCount == 0) {
            return Uni.createFrom().voidItem();
        }
        return RegistrationEntity.<RegistrationEntity> find("eventId = ?1 and status = ?2 order by queueNumber",
                event.id, RegistrationStatus.WAITLISTED).range(0, free - 1).list()
                .map(waiting -> {
                    for (RegistrationEntity registration : waiting) {
                        registration.status = RegistrationStatus.CONFIRMED;
                        registration.updatedAt = Times.now();
                        event.confirmedCount++;
                        event.waitlistCount--;
                    }
                    return null;
                });
    }
}
