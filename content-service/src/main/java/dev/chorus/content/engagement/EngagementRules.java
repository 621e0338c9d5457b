package dev.chorus.content.engagement;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.chorus.common.error.BadUserInputException;
import dev.chorus.common.input.Inputs;

/** The rules of engagement data and periods; each failure names the input field at fault. */
final class EngagementRules {
    static final int BATCH_MAX = 1000;
    static final int DELTA_MAX = 100_000_000;
    static final int PERIOD_MAX_DAYS = 366;
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    /** The counters, in the order of {@link EngagementDeltaInput}'s fields and of the table's columns. */
    static final String[] METRICS = {"plays", "likes", "coins", "favorites", "shares", "comments", "danmaku"};

    private EngagementRules() {
    }

    /** The deltas of a batch added up per work, in work-id order (the lock order), and where each work first came. */
    record Sums(Map<UUID, long[]> byWork, Map<UUID, Integer> firstIndex) {
    }

    /** A day from {@link #EARLIEST} to tomorrow in the programme's time zone ({@code today} there). */
    static LocalDate day(LocalDate day, LocalDate today) {
        LocalDate tomorrow = today.plusDays(1);
        if (day.isAfter(tomorrow) || day.isBefore(EARLIEST)) {
            throw new BadUserInputException("day", "day must be between " + EARLIEST + " and " + tomorrow + ", was " + day);
        }
        return day;
    }

    /** 1 to {@value #BATCH_MAX} deltas, each counter 0 to {@value #DELTA_MAX}; never changed to fit. */
    static Sums sums(List<EngagementDeltaInput> deltas) {
        if (deltas.isEmpty() || deltas.size() > BATCH_MAX) {
            throw new BadUserInputException("deltas", "a batch holds 1 to " + BATCH_MAX + " deltas, was " + deltas.size());
        }
        Map<UUID, long[]> byWork = new TreeMap<>();
        Map<UUID, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < deltas.size(); i++) {
            EngagementDeltaInput delta = deltas.get(i);
            String field = "deltas[" + i + "]";
            if (delta == null) {
                throw new BadUserInputException(field, field + " must not be null");
            }
            UUID work = Inputs.id(field + ".workId", delta.workId());
            long[] sum = byWork.computeIfAbsent(work, k -> new long[METRICS.length]);
            firstIndex.putIfAbsent(work, i);
            for (int m = 0; m < METRICS.length; m++) {
                Integer raw = switch (m) {
                    case 0 -> delta.plays(); case 1 -> delta.likes(); case 2 -> delta.coins();
                    case 3 -> delta.favorites(); case 4 -> delta.shares(); case 5 -> delta.comments();
                    default -> delta.danmaku();
                };
                if (raw == null || raw < 0 || raw > DELTA_MAX) {
                    throw new BadUserInputException(field + "." + METRICS[m], METRICS[m]
                            + " must be between 0 and " + DELTA_MAX + " per delta, was " + raw);
                }
                sum[m] += raw;
            }
        }
        return new Sums(byWork, firstIndex);
    }

    /** A period of at most {@value #PERIOD_MAX_DAYS} days, ending on or after its start. */
    static void requirePeriod(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new BadUserInputException("to", "to must be on or after from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= PERIOD_MAX_DAYS) {
            throw new BadUserInputException("to", "a period spans at most " + PERIOD_MAX_DAYS + " days");
        }
    }

    /** The programme statistics' period: at most ten years. */
    static void requireStatisticsPeriod(LocalDate from, LocalDate to) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > 10 * PERIOD_MAX_DAYS) {
            throw new BadUserInputException("to", "the period must end on or after its start and span at most ten years");
        }
    }
}
