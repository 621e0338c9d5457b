package dev.chorus.common.time;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

public final class Times {
    private Times() {
    }

    /** Now in UTC at microsecond precision, as PostgreSQL keeps it, so a timestamp read back equals the one written. */
    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** A timestamptz column of a native query's row, whichever java.time type the driver answered it as; in UTC. */
    public static OffsetDateTime of(Object column) {
        if (column instanceof OffsetDateTime time) {
            return time;
        }
        if (column instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((java.time.LocalDateTime) column).atOffset(ZoneOffset.UTC);
    }
}
