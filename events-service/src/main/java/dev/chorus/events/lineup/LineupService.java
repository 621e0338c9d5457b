package dev.chorus.events.lineup;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.chorus.common.error.ConflictException;
import dev.chorus.common.input.Inputs;
import dev.chorus.common.security.Access;
import dev.chorus.common.time.Times;
import dev.chorus.events.event.EventEntity;
import dev.chorus.events.event.EventService;
import dev.chorus.events.event.EventStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Line-ups and setlists: replaced whole, in one transaction, while the event is not CANCELLED. */
@ApplicationScoped
public class LineupService {
    @WithTransaction
    public Uni<EventEntity> setLineup(Access access, SetLineupInput input) {
        access.requireStaff();
        UUID eventId = Inputs.id("eventId", input.eventId());
        List<LineupSlotEntity> rows = LineupRules.slots(eventId, input.slots());
        return EventService.locked(eventId, "eventId").chain(event -> {
            requireChangeable(event);
            LineupRules.requireDuringEvent(rows, event);
            event.updatedAt = Times.now();
            return LineupSlotEntity.delete("eventId", eventId)
                    .chain(() -> rows.isEmpty() ? Uni.createFrom().voidItem()
                            : Panache.getSession().chain(s -> s.persistAll(rows.toArray())))
                    .replaceWith(event);
        });
    }

    @WithTransaction
    public Uni<EventEntity> setSetlist(Access access, SetSetlistInput input) {
        access.requireStaff();
        UUID eventId = Inputs.id("eventId", input.eventId());
        List<SetlistEntryEntity> rows = LineupRules.setlist(eventId, input.workIds());
        return EventService.locked(eventId, "eventId").chain(event -> {
            requireChangeable(event);
            event.updatedAt = Times.now();
            return SetlistEntryEntity.delete("eventId", eventId)
                    .chain(() -> rows.isEmpty() ? Uni.createFrom().voidItem()
                            : Panache.getSession().chain(s -> s.persistAll(rows.toArray())))
                    .replaceWith(event);
        });
    }

    private static void requireChangeable(EventEntity event) {
        if (event.status == EventStatus.CANCELLED) {
            throw new ConflictException("eventId", "a CANCELLED event does not change");
        }
    }
}
