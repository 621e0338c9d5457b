package dev.chorus.content.challenge;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("DisqualifyChallengeEntryInput")
public record DisqualifyChallengeEntryInput(@Id @NonNull String id, @NonNull String reason) {
}
