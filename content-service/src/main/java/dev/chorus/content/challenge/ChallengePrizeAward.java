package dev.chorus.content.challenge;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A prize given to an entry: when, its state, and when staff decided it.")
public record ChallengePrizeAward(
        @Id @NonNull String id,
        @NonNull ChallengeAwardState state,
        @NonNull OffsetDateTime awardedAt,
        @Description("When staff fulfilled or forfeited it.") OffsetDateTime decidedAt,
        @Description("Staff's note; shown to staff and the entrant only.") String note,
        @Ignore String prizeId,
        @Ignore String entryId,
        @Ignore String productionId) {
}
