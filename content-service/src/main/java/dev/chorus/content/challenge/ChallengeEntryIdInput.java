package dev.chorus.content.challenge;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ChallengeEntryIdInput")
public record ChallengeEntryIdInput(@Id @NonNull String id) {
}
