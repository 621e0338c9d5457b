package dev.chorus.content.challenge;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("ChallengeTermsInput")
@Description("Left out: one entry per creator, no duration bounds, weights 40 (votes) / 40 (jury) / 20 "
        + "(engagement). Weights are given all three or none.")
public record ChallengeTermsInput(
        @Description("1 to 100.") Integer entriesPerCreator,
        @Description("1 to 86,400 seconds.") Integer minDurationSeconds,
        @Description("1 to 86,400 seconds, not below minDurationSeconds.") Integer maxDurationSeconds,
        Integer voteWeight,
        Integer juryWeight,
        Integer engagementWeight) {
}
