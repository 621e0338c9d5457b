package dev.chorus.events.lineup;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.chorus.common.error.BadUserInputException;
import dev.chorus.common.error.ConflictException;
import dev.chorus.common.input.Inputs;
import dev.chorus.common.security.Access;
import dev.chorus.common.time.Times;
import dev.chorus.events.event.EventEntity;
import dev.chorus.events.event.EventService;
import dev.chorus.events.event.EventStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Line-ups and setlists: replaced whole, in one transaction, while the event is not CANCELLED. */
@ApplicationScoped
public class LineupService {
    static final int SLOTS_MAX = 50;
    static final int SETLIST_MAX = 100;

    public Uni<EventEntity> setLineup(Access access, SetLineupInput input) {
        return Uni.createFrom().deferred(() -> {
            access.requireStaff();
            UUID eventId = Inputs.id("eventId", input.eventId());
            if (input.slots().size() > SLOTS_MAX) {
                throw new BadUserInputException("slots", "at most " + SLOTS_MAX + " slots");
            }
            List<LineupSlotEntity> rows = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < input.slots().size(); i++) {
                LineupSlotInput slot = input.slots().get(i);
                String field = "slots[" + i + "]";
                if (slot == null) {
                    throw new BadUserInputException(field, field + " must not be null");
                }
                LineupSlotEntity row = new LineupSlotEntity();
                row.id = UUID.randomUUID();
                row.eventId = eventId;
                row.position = i + 1;
                row.creatorId = Inputs.id(field + ".creatorId", slot.creatorId());
                row.role = slot.role();
                row.startsAt = slot.startsAt() == null ? null
                        : slot.startsAt().withOffsetSameInstant(java.time.ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
                if (!seen.add(row.creatorId + "/" + row.role)) {
                    throw new BadUserInputException(field, "creator " + row.creatorId + " is in the line-up twice as " + row.role);
                }
                rows.add(row);
            }
            return Panache.withTransaction(() -> EventService.locked(eventId, "eventId").chain(event -> {
                requireChangeable(event);
                for (int i = 0; i < rows.size(); i++) {
                    var startsAt = rows.get(i).startsAt;
                    if (startsAt != null && (startsAt.isBefore(event.startsAt) || !startsAt.isBefore(event.endsAt))) {
                        throw new BadUserInputException("slots[" + i + "].startsAt", "a slot starts during the event");
                    }
                }
                event.updatedAt = Times.now();
                return LineupSlotEntity.delete("eventId", eventId)
                        .chain(() -> rows.isEmpty() ? Uni.createFrom().voidItem()
                                : Panache.getSession().chain(s -> s.persistAll(rows.toArray())))
                        .replaceWith(event);
            }));
        });
    }

    public Uni<EventEntity> setSetlist(Access access, SetSetlistInput input) {
        return Uni.createFrom().deferred(() -> {
            access.requireStaff();
            UUID eventId = Inputs.id("eventId", input.eventId());
            if (input.workIds().size() > SETLIST_MAX) {
                throw new BadUserInputException("workIds", "at most " + SETLIST_MAX + " works");
            }
            List<SetlistEntryEntity> rows = new ArrayList<>();
            Set<UUID> seen = new HashSet<>();
            for (int i = 0; i < input.workIds().size(); i++) {
                UUID work = Inputs.id("workIds[" + i + "]", input.workIds().get(i));
                if (!seen.add(work)) {
                    throw new BadUserInputException("workIds[" + i + "]", "work " + work + " is on the setlist twice");
                }
                SetlistEntryEntity row = new SetlistEntryEntity();
                row.id = UUID.randomUUID();
                row.eventId = eventId;
                row.position = i + 1;
                row.workId = work;
                rows.add(row);
            }
            return Panache.withTransaction(() -> EventService.locked(eventId, "eventId").chain(event -> {
                requireChangeable(event);
                event.updatedAt = Times.now();
                return SetlistEntryEntity.delete("eventId", eventId)
                        .chain(() -> rows.isEmpty() ? Uni.createFrom().voidItem()
                                : Panache.getSession().chain(s -> s.persistAll(rows.toArray())))
                        .replaceWith(event);
            }));
        });
    }

    private static void requireChangeable(EventEntity event) {
        if (event.status == EventStatus.CANCELLED) {
            throw new ConflictException("eventId", "a CANCELLED event does not change");
        }
    }
}
