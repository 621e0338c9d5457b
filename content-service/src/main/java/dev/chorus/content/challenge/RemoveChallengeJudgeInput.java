package dev.chorus.content.challenge;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("RemoveChallengeJudgeInput")
public record RemoveChallengeJudgeInput(@Id @NonNull String challengeId, @NonNull String subject) {
}
