package dev.chorus.content.challenge;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

import dev.chorus.common.error.BadUserInputException;
import dev.chorus.common.input.Inputs;
import dev.chorus.content.work.WorkKind;

/** The rules of challenge input; each failure names the input field at fault. */
final class ChallengeRules {
    static final int TITLE_MAX = 120;
    static final int DESCRIPTION_MAX = 5000;
    static final int REASON_MAX = 500;
    static final int ENTRIES_MAX = 100;
    static final int DURATION_MAX = 24 * 3600;
    static final int DEFAULT_VOTE_WEIGHT = 40;
    static final int DEFAULT_JURY_WEIGHT = 40;
    static final int DEFAULT_ENGAGEMENT_WEIGHT = 20;
    /** A # and 1 to 50 letters (any script), digits or underscores: what both platforms' topics accept. */
    private static final Pattern TOPIC_TAG = Pattern.compile("#[\\p{L}\\p{N}_]{1,50}");

    /** The terms as stored: defaults filled in, everything in range. */
    record Terms(int entriesPerCreator, Integer minDuration, Integer maxDuration, int voteWeight, int juryWeight,
            int engagementWeight) {
    }

    /** The schedule as stored: in UTC, to the microsecond (what PostgreSQL keeps). */
    record Schedule(OffsetDateTime announceAt, OffsetDateTime openAt, OffsetDateTime closeAt,
            OffsetDateTime votingCloseAt, OffsetDateTime resultsAt) {
    }

    private ChallengeRules() {
    }

    static String title(String field, String value) {
        return Inputs.requiredLine(field, value, TITLE_MAX);
    }

    static String description(String field, String value) {
        return Inputs.optionalText(field, value, DESCRIPTION_MAX);
    }

    static String reason(String value) {
        return Inputs.requiredLine("reason", value, REASON_MAX);
    }

    /** A topic tag such as #晚风告白Remix, or null when left out or blank. */
    static String topicTag(String field, String value) {
        String tag = Inputs.optionalLine(field, value, 51);
        if (tag != null && !TOPIC_TAG.matcher(tag).matches()) {
            throw new BadUserInputException(field, field + " must be a # followed by 1 to 50 letters, digits or _, was "
                    + Inputs.abbreviate(tag));
        }
        return tag;
    }

    static String timeZone(String field, String value) {
        return Inputs.timeZone(field, value).getId();
    }

    /** The source work rule by entry kind: required for REMIX and COVER, refused for ORIGINAL. */
    static void sourceFits(WorkKind entryKind, Object sourceWorkId) {
        if ((entryKind == WorkKind.REMIX || entryKind == WorkKind.COVER) && sourceWorkId == null) {
            throw new BadUserInputException("sourceWorkId", "a " + entryKind + " challenge needs the work to "
                    + (entryKind == WorkKind.REMIX ? "remix" : "cover"));
        }
        if (entryKind == WorkKind.ORIGINAL && sourceWorkId != null) {
            throw new BadUserInputException("sourceWorkId", "an ORIGINAL challenge has no source work");
        }
    }

    /** Every instant in order: announce ≤ open < close < voting close ≤ results; the window ends in the future. */
    static Schedule schedule(String field, ChallengeScheduleInput input, OffsetDateTime now) {
        Schedule s = new Schedule(utc(input.announceAt()), utc(input.submissionsOpenAt()),
                utc(input.submissionsCloseAt()), utc(input.votingCloseAt()), utc(input.resultsAt()));
        if (s.openAt().isBefore(s.announceAt())) {
            throw new BadUserInputException(field + ".submissionsOpenAt", "submissions cannot open before the announcement");
        }
        if (!s.closeAt().isAfter(s.openAt())) {
            throw new BadUserInputException(field + ".submissionsCloseAt", "submissions must close after they open");
        }
        if (!s.votingCloseAt().isAfter(s.closeAt())) {
            throw new BadUserInputException(field + ".votingCloseAt", "voting must close after submissions close");
        }
        if (s.resultsAt().isBefore(s.votingCloseAt())) {
            throw new BadUserInputException(field + ".resultsAt", "results cannot come before voting closes");
        }
        if (!s.closeAt().isAfter(now)) {
            throw new BadUserInputException(field + ".submissionsCloseAt", "the submission window is already over");
        }
        if (s.resultsAt().isAfter(now.plusYears(5))) {
            throw new BadUserInputException(field + ".resultsAt", "a challenge runs within five years");
        }
        return s;
    }

    static Terms terms(String field, ChallengeTermsInput input) {
        if (input == null) {
            return new Terms(1, null, null, DEFAULT_VOTE_WEIGHT, DEFAULT_JURY_WEIGHT, DEFAULT_ENGAGEMENT_WEIGHT);
        }
        int entries = input.entriesPerCreator() == null ? 1 : input.entriesPerCreator();
        if (entries < 1 || entries > ENTRIES_MAX) {
            throw new BadUserInputException(field + ".entriesPerCreator", "entriesPerCreator must be 1 to " + ENTRIES_MAX);
        }
        Integer min = duration(field + ".minDurationSeconds", input.minDurationSeconds());
        Integer max = duration(field + ".maxDurationSeconds", input.maxDurationSeconds());
        if (min != null && max != null && max < min) {
            throw new BadUserInputException(field + ".maxDurationSeconds", "maxDurationSeconds is below minDurationSeconds");
        }
        Integer[] weights = {input.voteWeight(), input.juryWeight(), input.engagementWeight()};
        String[] names = {"voteWeight", "juryWeight", "engagementWeight"};
        int given = 0;
        int total = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] != null) {
                given++;
                if (weights[i] < 0 || weights[i] > 100) {
                    throw new BadUserInputException(field + "." + names[i], names[i] + " must be 0 to 100");
                }
                total += weights[i];
            }
        }
        if (given == 0) {
            return new Terms(entries, min, max, DEFAULT_VOTE_WEIGHT, DEFAULT_JURY_WEIGHT, DEFAULT_ENGAGEMENT_WEIGHT);
        }
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] == null) {
                throw new BadUserInputException(field + "." + names[i], "give all three weights or none");
            }
        }
        if (total != 100) {
            throw new BadUserInputException(field + ".voteWeight", "the weights must total 100, they total " + total);
        }
        return new Terms(entries, min, max, weights[0], weights[1], weights[2]);
    }

    private static Integer duration(String field, Integer seconds) {
        if (seconds != null && (seconds < 1 || seconds > DURATION_MAX)) {
            throw new BadUserInputException(field, "a duration must be 1 to " + DURATION_MAX + " seconds");
        }
        return seconds;
    }

    private static OffsetDateTime utc(OffsetDateTime instant) {
        return instant.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
