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
}
