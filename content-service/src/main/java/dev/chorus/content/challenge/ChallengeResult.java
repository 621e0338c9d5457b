package dev.chorus.content.challenge;

import java.math.BigDecimal;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("An entry's place in the published results, frozen when they were published. Each part is the "
        + "entry's value over the highest value among the ranked entries (0 to 1); score = voteWeight × votePart + "
        + "juryWeight × juryPart + engagementWeight × engagementPart (0 to 100). Ranked by score, then jury score, "
        + "then the earlier submission.")
public record ChallengeResult(
        @NonNull Integer rank,
        @NonNull Integer votes,
        @Description("The mean over the judges who scored the entry of their weighted score (0 to 100); null when "
                + "no judge scored it.") BigDecimal juryScore,
        @NonNull @Description("Plays from its submission day to the day voting closed.") Long plays,
        @NonNull BigDecimal votePart,
        @NonNull BigDecimal juryPart,
        @NonNull BigDecimal engagementPart,
        @NonNull BigDecimal score,
        @Ignore String entryId) {
}
