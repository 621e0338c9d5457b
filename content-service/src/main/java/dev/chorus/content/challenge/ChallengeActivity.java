package dev.chorus.content.challenge;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A change in a challenge, as challengeActivity sends it.")
public record ChallengeActivity(
        @NonNull ChallengeActivityChange change,
        @Id @Description("The entry the change concerns (ENTRY_*), also when the caller may no longer see it "
                + "(withdrawn, disqualified); null for the other changes.") String entryId,
        @Description("That entry as the caller may see it now; null when they may not (a withdrawn entry is "
                + "seen by its entrant and staff only).") ChallengeEntry entry,
        @Description("Every ACTIVE entry's votes, most first: for staff, and for everyone once the results are "
                + "published; null before that.") List<@NonNull ChallengeTally> tallies,
        @Ignore String challengeId) {
}
