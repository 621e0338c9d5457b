package dev.chorus.content.challenge;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("CancelChallengeInput")
public record CancelChallengeInput(@Id @NonNull String id, @NonNull String reason) {
}
