package dev.chorus.content.challenge;

import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A challenge's schedule, each instant with the offset of the challenge's time zone at that instant. "
        + "Submissions are open from submissionsOpenAt (inclusive) to submissionsCloseAt (exclusive); votes are "
        + "taken from submissionsCloseAt (inclusive) to votingCloseAt (exclusive); the server's clock decides.")
public record ChallengeSchedule(
        @NonNull @Description("From this instant the announced challenge is public.") OffsetDateTime announceAt,
        @NonNull OffsetDateTime submissionsOpenAt,
        @NonNull OffsetDateTime submissionsCloseAt,
        @NonNull OffsetDateTime votingCloseAt,
        @NonNull @Description("When the results are planned; they are public once staff publish them.")
        OffsetDateTime resultsAt) {

    static ChallengeSchedule from(ChallengeEntity c) {
        ZoneId zone = ZoneId.of(c.timeZone);
        return new ChallengeSchedule(local(c.announceAt, zone), local(c.submissionsOpenAt, zone),
                local(c.submissionsCloseAt, zone), local(c.votingCloseAt, zone), local(c.resultsAt, zone));
    }

    private static OffsetDateTime local(OffsetDateTime instant, ZoneId zone) {
        return instant.atZoneSameInstant(zone).toOffsetDateTime();
    }
}
