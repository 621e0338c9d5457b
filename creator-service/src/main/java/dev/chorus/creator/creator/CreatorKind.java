package dev.chorus.creator.creator;

import org.eclipse.microprofile.graphql.Description;

@Description("Whether a creator is one person or a group.")
public enum CreatorKind {
    PERSON, GROUP
}
