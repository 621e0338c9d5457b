package dev.chorus.content.challenge;

import org.eclipse.microprofile.graphql.Description;

@Description("A prize's award to an entry: PENDING from the results on, then FULFILLED by staff, or FORFEITED when "
        + "the winner does not respond (the prize then passes to the next rank).")
public enum ChallengeAwardState {
    PENDING, FULFILLED, FORFEITED
}
