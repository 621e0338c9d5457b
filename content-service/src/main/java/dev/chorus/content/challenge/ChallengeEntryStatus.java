package dev.chorus.content.challenge;

import org.eclipse.microprofile.graphql.Description;

@Description("An entry is ACTIVE until its entrant withdraws it (or the work itself is withdrawn) or staff "
        + "disqualify it with a reason.")
public enum ChallengeEntryStatus {
    ACTIVE, WITHDRAWN, DISQUALIFIED
}
