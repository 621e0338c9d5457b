package dev.chorus.content.challenge;

import org.eclipse.microprofile.graphql.Description;

@Description("What a challengeActivity message reports.")
public enum ChallengeActivityChange {
    @Description("The current state: the first message, and again whenever the service cannot be sure that nothing "
            + "was missed (its database listener started or reconnected; the first subscriber of a service process "
            + "may get it twice at the start). Read the challenge's entries again.")
    CURRENT,
    ENTRY_SUBMITTED,
    @Description("Withdrawn by its entrant, or with its work.")
    ENTRY_WITHDRAWN,
    ENTRY_DISQUALIFIED,
    @Description("Votes were cast or moved (only to those who may see the tallies).")
    VOTES,
    @Description("The challenge was announced, cancelled or its results published.")
    CHALLENGE
}
