package dev.chorus.content.challenge;

import org.eclipse.microprofile.graphql.Description;

@Description("What a challengeActivity message reports.")
public enum ChallengeActivityChange {
    @Description("The current state: the first message, and again after the service's listener reconnected.")
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
