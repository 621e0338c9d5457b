package dev.chorus.content.engagement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.chorus.common.error.BadUserInputException;

/** The rules of engagement batches and periods, without starting the service. */
class EngagementRulesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private static EngagementDeltaInput delta(String work, Integer plays) {
        return new EngagementDeltaInput(work, plays, 0, 0, 0, 0, 0, 0);
    }

    private static void refused(String field, Runnable call) {
        BadUserInputException e = assertThrows(BadUserInputException.class, call::run);
        assertEquals(field, e.field(), e.getMessage());
    }

    @Test
    void aDayIsFrom2000ToTomorrowInTheProgrammesZone() {
        assertEquals(TODAY.plusDays(1), EngagementRules.day(TODAY.plusDays(1), TODAY));
        assertEquals(EngagementRules.EARLIEST, EngagementRules.day(EngagementRules.EARLIEST, TODAY));
        refused("day", () -> EngagementRules.day(TODAY.plusDays(2), TODAY));
        refused("day", () -> EngagementRules.day(EngagementRules.EARLIEST.minusDays(1), TODAY));
    }

    @Test
    void deltasOfOneWorkAreAddedUpAndEveryCounterIsBounded() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        EngagementRules.Sums sums = EngagementRules.sums(List.of(delta(b, 1), delta(a, 2), delta(b, 3)));
        assertEquals(2, sums.byWork().size());
        assertArrayEquals(new long[] { 4, 0, 0, 0, 0, 0, 0 }, sums.byWork().get(UUID.fromString(b)));
        assertEquals(0, sums.firstIndex().get(UUID.fromString(b)));
        assertEquals(1, sums.firstIndex().get(UUID.fromString(a)));
        refused("deltas", () -> EngagementRules.sums(List.of()));
        refused("deltas", () -> EngagementRules.sums(IntStream.rangeClosed(0, EngagementRules.BATCH_MAX)
                .mapToObj(i -> delta(a, 1)).toList()));
        refused("deltas[0].plays", () -> EngagementRules.sums(List.of(delta(a, -1))));
        refused("deltas[0].plays", () -> EngagementRules.sums(List.of(delta(a, EngagementRules.DELTA_MAX + 1))));
        refused("deltas[0].plays", () -> EngagementRules.sums(List.of(delta(a, null))));
        refused("deltas[0]", () -> EngagementRules.sums(Collections.singletonList(null)));
        refused("deltas[0].workId", () -> EngagementRules.sums(List.of(delta("nope", 1))));
    }

    @Test
    void periodsAreBounded() {
        assertDoesNotThrow(() -> EngagementRules.requirePeriod(TODAY, TODAY));
        assertDoesNotThrow(() -> EngagementRules.requirePeriod(TODAY.minusDays(365), TODAY));
        refused("to", () -> EngagementRules.requirePeriod(TODAY.minusDays(366), TODAY));
        refused("to", () -> EngagementRules.requirePeriod(TODAY, TODAY.minusDays(1)));
        assertDoesNotThrow(() -> EngagementRules.requireStatisticsPeriod(TODAY.minusYears(5), TODAY));
        refused("to", () -> EngagementRules.requireStatisticsPeriod(TODAY.minusYears(11), TODAY));
    }
}
