package dev.chorus.content.challenge;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ChallengeAwardInput")
public record ChallengeAwardInput(@Id @NonNull String awardId,
        @Description("Up to 500 characters: what was done, or why the winner forfeited; shown to staff and the "
                + "entrant.") String note) {
}
