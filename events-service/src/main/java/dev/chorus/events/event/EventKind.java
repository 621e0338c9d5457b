package dev.chorus.events.event;

import org.eclipse.microprofile.graphql.Description;

@Description("The kind of offline event.")
public enum EventKind {
    CONCERT, EXCHANGE, TRAINING, WORKSHOP, LISTENING_SESSION
}
