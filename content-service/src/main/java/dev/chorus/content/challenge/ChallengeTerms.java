package dev.chorus.content.challenge;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A challenge's rules, fixed once it is announced. The score of an entry is votes × voteWeight + jury "
        + "× juryWeight + engagement × engagementWeight (each part normalised over the challenge's entries), the "
        + "weights totalling 100.")
public record ChallengeTerms(
        @NonNull @Description("Entries one creator may have in the challenge at a time.") Integer entriesPerCreator,
        Integer minDurationSeconds,
        Integer maxDurationSeconds,
        @NonNull Integer voteWeight,
        @NonNull Integer juryWeight,
        @NonNull @Description("Plays of the entry between its submission and the close of voting.")
        Integer engagementWeight) {

    static ChallengeTerms from(ChallengeEntity c) {
        return new ChallengeTerms(c.entriesPerCreator, c.minDurationSeconds, c.maxDurationSeconds, c.voteWeight,
                c.juryWeight, c.engagementWeight);
    }
}
