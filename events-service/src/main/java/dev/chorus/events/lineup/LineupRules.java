package dev.chorus.events.lineup;

import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.chorus.common.error.BadUserInputException;
import dev.chorus.common.input.Inputs;
import dev.chorus.events.event.EventEntity;

/** The rules of line-ups and setlists; each failure names the input field at fault. */
final class LineupRules {
    static final int SLOTS_MAX = 50;
    static final int SETLIST_MAX = 100;

    private LineupRules() {
    }

    /** The rows of a line-up, in order: at most {@value #SLOTS_MAX} slots, a creator at most once per role. */
    static List<LineupSlotEntity> slots(UUID eventId, List<LineupSlotInput> slots) {
        if (slots.size() > SLOTS_MAX) {
            throw new BadUserInputException("slots", "at most " + SLOTS_MAX + " slots");
        }
        List<LineupSlotEntity> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < slots.size(); i++) {
            LineupSlotInput slot = slots.get(i);
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
                    : slot.startsAt().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            if (!seen.add(row.creatorId + "/" + row.role)) {
                throw new BadUserInputException(field, "creator " + row.creatorId + " is in the line-up twice as " + row.role);
            }
            rows.add(row);
        }
        return rows;
    }

    /** A slot with a start time starts during the event: from its start, before its end. */
    static void requireDuringEvent(List<LineupSlotEntity> rows, EventEntity event) {
        for (int i = 0; i < rows.size(); i++) {
            var startsAt = rows.get(i).startsAt;
            if (startsAt != null && (startsAt.isBefore(event.startsAt) || !startsAt.isBefore(event.endsAt))) {
                throw new BadUserInputException("slots[" + i + "].startsAt", "a slot starts during the event");
            }
        }
    }

    /** The rows of a setlist, in order: at most {@value #SETLIST_MAX} works, each once. */
    static List<SetlistEntryEntity> setlist(UUID eventId, List<String> workIds) {
        if (workIds.size() > SETLIST_MAX) {
            throw new BadUserInputException("workIds", "at most " + SETLIST_MAX + " works");
        }
        List<SetlistEntryEntity> rows = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < workIds.size(); i++) {
            UUID work = Inputs.id("workIds[" + i + "]", workIds.get(i));
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
        return rows;
    }
}
