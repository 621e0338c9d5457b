package dev.chorus.events.lineup;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.chorus.common.error.BadUserInputException;
import dev.chorus.events.event.EventEntity;

/** The rules of line-ups and setlists, without starting the service. */
class LineupRulesTest {
    static final UUID EVENT = UUID.randomUUID();

    private static void refused(String field, Runnable call) {
        BadUserInputException e = assertThrows(BadUserInputException.class, call::run);
        assertEquals(field, e.field(), e.getMessage());
    }

    @Test
    void aLineupIsInOrderWithACreatorOncePerRoleAndSlotsDuringTheEvent() {
        String a = UUID.randomUUID().toString();
        OffsetDateTime start = OffsetDateTime.of(2027, 5, 1, 19, 0, 0, 0, ZoneOffset.ofHours(8));
        List<LineupSlotEntity> rows = LineupRules.slots(EVENT, List.of(new LineupSlotInput(a, LineupRole.HEADLINER,
                start.plusNanos(1_500)), new LineupSlotInput(a, LineupRole.GUEST, null)));
        assertEquals(List.of(1, 2), rows.stream().map(r -> r.position).toList());
        assertEquals(ZoneOffset.UTC, rows.get(0).startsAt.getOffset());
        assertEquals(1_000, rows.get(0).startsAt.getNano(), "kept to the microsecond");
        refused("slots[1]", () -> LineupRules.slots(EVENT, List.of(new LineupSlotInput(a, LineupRole.GUEST, null),
                new LineupSlotInput(a, LineupRole.GUEST, null))));
        refused("slots[0].creatorId", () -> LineupRules.slots(EVENT, List.of(new LineupSlotInput("x", LineupRole.GUEST, null))));
        refused("slots[0]", () -> LineupRules.slots(EVENT, Collections.singletonList(null)));
        refused("slots", () -> LineupRules.slots(EVENT, IntStream.rangeClosed(0, LineupRules.SLOTS_MAX)
                .mapToObj(i -> new LineupSlotInput(UUID.randomUUID().toString(), LineupRole.GUEST, null)).toList()));

        EventEntity event = new EventEntity();
        event.startsAt = start.withOffsetSameInstant(ZoneOffset.UTC);
        event.endsAt = event.startsAt.plusHours(2);
        assertDoesNotThrow(() -> LineupRules.requireDuringEvent(rows, event));
        refused("slots[0].startsAt", () -> LineupRules.requireDuringEvent(LineupRules.slots(EVENT, List.of(
                new LineupSlotInput(a, LineupRole.HEADLINER, start.plusHours(2)))), event));
        refused("slots[0].startsAt", () -> LineupRules.requireDuringEvent(LineupRules.slots(EVENT, List.of(
                new LineupSlotInput(a, LineupRole.HEADLINER, start.minusSeconds(1)))), event));
    }

    @Test
    void aSetlistHoldsEachWorkOnceAndAtMostOneHundred() {
        String w = UUID.randomUUID().toString();
        assertEquals(1, LineupRules.setlist(EVENT, List.of(w)).get(0).position);
        refused("workIds[1]", () -> LineupRules.setlist(EVENT, List.of(w, w)));
        refused("workIds[0]", () -> LineupRules.setlist(EVENT, List.of("not-an-id")));
        refused("workIds", () -> LineupRules.setlist(EVENT, IntStream.rangeClosed(0, LineupRules.SETLIST_MAX)
                .mapToObj(i -> UUID.randomUUID().toString()).toList()));
    }
}
