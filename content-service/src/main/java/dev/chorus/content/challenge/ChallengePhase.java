package dev.chorus.content.challenge;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a challenge stands, from its schedule (the server's clock) and what staff did. Each phase "
        + "starts at its instant inclusive: OPEN from submissionsOpenAt, VOTING from submissionsCloseAt, JUDGING "
        + "from votingCloseAt until staff publish the results (RESULTS).")
public enum ChallengePhase {
    DRAFT, ANNOUNCED, OPEN, VOTING, JUDGING, RESULTS, CANCELLED
}
