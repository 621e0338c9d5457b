package dev.chorus.content.challenge;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import dev.chorus.common.security.Access;
import dev.chorus.content.federation.Creator;

@Description("A work entered in a challenge by a creator credited on it.")
public record ChallengeEntry(
        @Id @NonNull String id,
        @Description("The entrant; null when the caller may not see them.") Creator entrant,
        @NonNull ChallengeEntryStatus status,
        @Description("Why staff disqualified it; shown to the entrant and staff only.") String disqualifiedReason,
        @NonNull OffsetDateTime submittedAt,
        @Ignore String challengeId,
        @Ignore String workId) {

    static ChallengeEntry from(Access access, ChallengeEntryEntity e) {
        return new ChallengeEntry(e.id.toString(), new Creator(e.creatorId.toString()), e.status,
                access.staffOr(e.creatorId) ? e.disqualifiedReason : null, e.submittedAt, e.challengeId.toString(),
                e.workId.toString());
    }
}
