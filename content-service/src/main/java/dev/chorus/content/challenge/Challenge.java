package dev.chorus.content.challenge;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import dev.chorus.common.time.Times;
import dev.chorus.content.work.WorkKind;

@Description("A joint online activity: a remix, cover, original-song or music-video challenge with entries, public "
        + "votes, a jury and prizes.")
public record Challenge(
        @Id @NonNull String id,
        @NonNull String title,
        String description,
        @NonNull @Description("The kind of work an entry must be.") WorkKind entryKind,
        @NonNull ChallengeHost host,
        @Description("The topic tag entries carry on the platforms, e.g. #晚风告白Remix.") String topicTag,
        @NonNull @Description("The IANA time zone the schedule is stated in, e.g. Asia/Shanghai.") String timeZone,
        @NonNull ChallengeSchedule schedule,
        @NonNull ChallengeTerms terms,
        @NonNull ChallengePhase phase,
        @Description("Why staff cancelled it, once CANCELLED.") String cancelReason,
        @NonNull OffsetDateTime createdAt,
        @Ignore String sourceWorkId) {

    static Challenge from(ChallengeEntity c) {
        return new Challenge(c.id.toString(), c.title, c.description, c.entryKind, c.host, c.topicTag, c.timeZone,
                ChallengeSchedule.from(c), ChallengeTerms.from(c), c.phase(Times.now()), c.cancelReason, c.createdAt,
                c.sourceWorkId == null ? null : c.sourceWorkId.toString());
    }
}
