package dev.chorus.creator.creator;

import org.eclipse.microprofile.graphql.Description;

@Description("Programme standing; OUTSTANDING creators get music videos made for them.")
public enum Tier {
    EMERGING, RISING, OUTSTANDING
}
