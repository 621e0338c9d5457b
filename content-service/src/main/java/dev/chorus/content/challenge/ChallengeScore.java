package dev.chorus.content.challenge;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One judge's score of an entry on one criterion.")
public record ChallengeScore(@NonNull String judge, @NonNull String criterion, @NonNull Integer score) {
}
