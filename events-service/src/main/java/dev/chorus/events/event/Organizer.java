package dev.chorus.events.event;

import org.eclipse.microprofile.graphql.Description;

@Description("Who runs the event.")
public enum Organizer {
    BILIBILI, QQ_MUSIC, JOINT
}
