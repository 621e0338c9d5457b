package dev.chorus.content.challenge;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ChallengeScoreInput")
public record ChallengeScoreInput(@Id @NonNull String criterionId, @NonNull Integer score) {
}
