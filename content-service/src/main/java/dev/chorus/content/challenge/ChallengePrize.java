package dev.chorus.content.challenge;

import java.math.BigDecimal;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import dev.chorus.content.distribution.Platform;

@Description("A prize for the entry at a rank of the results. Its event (CONCERT_SLOT) and album (ALBUM_TRACK) are "
        + "fields of their own; award says who holds it now.")
public record ChallengePrize(
        @Id @NonNull String id,
        @NonNull Integer rank,
        @NonNull ChallengePrizeKind kind,
        @NonNull String description,
        @Description("CASH only.") BigDecimal amount,
        @Description("CASH only: ISO 4217.") String currency,
        @Description("FEATURED only.") Platform platform,
        @Ignore String challengeId,
        @Ignore String eventId,
        @Ignore String albumId) {
}
