package dev.chorus.events.registration;

import dev.chorus.common.time.Times;
import dev.chorus.events.event.EventEntity;
import io.smallrye.mutiny.Uni;

/** Seat accounting. Callers hold the event row's lock, so the counters on it are exact. */
public final class Seats {
    private Seats() {
    }

    /** Confirms waitlisted registrations, first come first served, while seats remain. */
    public static Uni<Void> promoteWaitlisted(EventEntity event) {
        int free = event.capacity - event.confirmedCount;
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
