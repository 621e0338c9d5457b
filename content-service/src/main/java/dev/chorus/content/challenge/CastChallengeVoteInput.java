package dev.chorus.content.challenge;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("CastChallengeVoteInput")
public record CastChallengeVoteInput(@Id @NonNull String challengeId, @Id @NonNull String entryId) {
}
