package dev.chorus.content.distribution;

import org.eclipse.microprofile.graphql.Description;

@Description("PENDING, then LIVE, then TAKEN_DOWN.")
public enum DistributionStatus {
    PENDING, LIVE, TAKEN_DOWN
}
