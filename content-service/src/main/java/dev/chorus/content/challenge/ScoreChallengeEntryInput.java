package dev.chorus.content.challenge;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ScoreChallengeEntryInput")
@Description("A judge's scores of one entry, one for every criterion; scoring again replaces them.")
public record ScoreChallengeEntryInput(@Id @NonNull String entryId, @NonNull List<@NonNull ChallengeScoreInput> scores) {
}
