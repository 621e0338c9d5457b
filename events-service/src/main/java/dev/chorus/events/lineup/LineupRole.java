package dev.chorus.events.lineup;

import org.eclipse.microprofile.graphql.Description;

@Description("A creator's part in an event.")
public enum LineupRole {
    HEADLINER, SUPPORT, GUEST, HOST, MENTOR
}
