package dev.chorus.creator.creator;

import org.eclipse.microprofile.graphql.Description;

@Description("Whether a creator may take part in the programme.")
public enum CreatorStatus {
    ACTIVE, SUSPENDED
}
