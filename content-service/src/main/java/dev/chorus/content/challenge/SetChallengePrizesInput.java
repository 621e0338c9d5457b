package dev.chorus.content.challenge;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("SetChallengePrizesInput")
@Description("Replaces the prizes (0 to 50, in the order given within a rank), while the challenge is a DRAFT.")
public record SetChallengePrizesInput(@Id @NonNull String challengeId,
        @NonNull List<@NonNull ChallengePrizeInput> prizes) {
}
