package dev.chorus.content.challenge;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("The caller's one vote in a challenge.")
public record ChallengeVote(@NonNull OffsetDateTime castAt, @Ignore String entryId) {
}
