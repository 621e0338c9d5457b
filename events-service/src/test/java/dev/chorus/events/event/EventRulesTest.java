package dev.chorus.events.event;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.chorus.common.error.BadUserInputException;
import dev.chorus.events.venue.VenueEntity;

/** The rules of event data, without starting the service. */
class EventRulesTest {
    static final OffsetDateTime START = OffsetDateTime.of(2027, 5, 1, 19, 30, 0, 0, ZoneOffset.ofHours(8));

    private static EventEntity event(OffsetDateTime start, OffsetDateTime end, OffsetDateTime opens, OffsetDateTime closes) {
        EventEntity event = new EventEntity();
        event.startsAt = EventRules.utc(start);
        event.endsAt = EventRules.utc(end);
        event.opensAt = EventRules.utc(opens);
        event.closesAt = EventRules.utc(closes);
        return event;
    }

    private static void refused(String field, Runnable call) {
        BadUserInputException e = assertThrows(BadUserInputException.class, call::run);
        assertEquals(field, e.field(), e.getMessage());
    }

    @Test
    void timesAreKeptInUtcToTheMicrosecond() {
        OffsetDateTime stored = EventRules.utc(START.plusNanos(123_456_789));
        assertEquals(ZoneOffset.UTC, stored.getOffset());
        assertEquals(START.toInstant().plusNanos(123_456_000), stored.toInstant());
    }

    @Test
    void anEventEndsAfterItStartsLastsAtMost31DaysAndRegistrationClosesByTheStart() {
        assertDoesNotThrow(() -> EventRules.requireTimes(event(START, START.plusHours(2), START.minusDays(5), START)));
        refused("endsAt", () -> EventRules.requireTimes(event(START, START, START.minusDays(5), START)));
        refused("endsAt", () -> EventRules.requireTimes(event(START, START.plusDays(31).plusSeconds(1),
                START.minusDays(5), START)));
        assertDoesNotThrow(() -> EventRules.requireTimes(event(START, START.plusDays(31), START.minusDays(5), START)));
        refused("closesAt", () -> EventRules.requireTimes(event(START, START.plusHours(2), START, START)));
        refused("closesAt", () -> EventRules.requireTimes(event(START, START.plusHours(2), START.minusDays(5),
                START.plusSeconds(1))));
    }

    @Test
    void capacityIsOneSeatToTheVenues() {
        VenueEntity venue = new VenueEntity();
        venue.maxCapacity = 500;
        assertDoesNotThrow(() -> EventRules.requireCapacity(1, venue));
        assertDoesNotThrow(() -> EventRules.requireCapacity(500, venue));
        refused("capacity", () -> EventRules.requireCapacity(0, venue));
        refused("capacity", () -> EventRules.requireCapacity(501, venue));
    }

    @Test
    void textsAndTimeZonesAreChecked() {
        assertEquals("Asia/Shanghai", EventRules.timeZone("Asia/Shanghai"));
        refused("timeZone", () -> EventRules.timeZone("Mars/Olympus"));
        refused("title", () -> EventRules.title(" \u200b "));
        refused("title", () -> EventRules.title("x".repeat(EventRules.TITLE_MAX + 1)));
    }
}
