package dev.chorus.events.event;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import dev.chorus.common.error.BadUserInputException;
import dev.chorus.common.input.Inputs;
import dev.chorus.events.venue.VenueEntity;

/** The rules of event data; each failure names the input field at fault. */
final class EventRules {
    static final int TITLE_MAX = 200;
    static final int DESCRIPTION_MAX = 5000;
    /** The longest an event may last. */
    static final Duration LONGEST = Duration.ofDays(31);

    private EventRules() {
    }

    static String title(String value) {
        return Inputs.requiredLine("title", value, TITLE_MAX);
    }

    static String description(String value) {
        return Inputs.optionalText("description", value, DESCRIPTION_MAX);
    }

    /** A capacity of at least one seat and at most the venue's. */
    static Void requireCapacity(int capacity, VenueEntity venue) {
        if (capacity < 1 || capacity > venue.maxCapacity) {
            throw new BadUserInputException("capacity", "capacity must be between 1 and the venue's " + venue.maxCapacity
                    + ", was " + capacity);
        }
        return null;
    }

    /** The times of an event (already in UTC) and of its registration window. */
    static void requireTimes(EventEntity event) {
        if (!event.endsAt.isAfter(event.startsAt)) {
            throw new BadUserInputException("endsAt", "endsAt must be after startsAt");
        }
        if (Duration.between(event.startsAt, event.endsAt).compareTo(LONGEST) > 0) {
            throw new BadUserInputException("endsAt", "an event lasts at most " + LONGEST.toDays() + " days");
        }
        if (!event.closesAt.isAfter(event.opensAt)) {
            throw new BadUserInputException("closesAt", "registration must close after it opens");
        }
        if (event.closesAt.isAfter(event.startsAt)) {
            throw new BadUserInputException("closesAt", "registration must close at the latest when the event starts");
        }
    }

    /** An IANA time zone id, as Java knows it. */
    static String timeZone(String value) {
        return Inputs.timeZone("timeZone", value).getId();
    }

    /** A time as stored: in UTC, to the microsecond (PostgreSQL's precision). */
    static OffsetDateTime utc(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
