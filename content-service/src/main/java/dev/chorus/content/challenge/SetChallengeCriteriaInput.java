package dev.chorus.content.challenge;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("SetChallengeCriteriaInput")
@Description("Replaces the jury criteria (1 to 10, names unique), until judging begins.")
public record SetChallengeCriteriaInput(@Id @NonNull String challengeId,
        @NonNull List<@NonNull ChallengeCriterionInput> criteria) {
}
