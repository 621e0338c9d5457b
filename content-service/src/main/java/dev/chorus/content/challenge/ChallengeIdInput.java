package dev.chorus.content.challenge;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ChallengeIdInput")
public record ChallengeIdInput(@Id @NonNull String id) {
}
