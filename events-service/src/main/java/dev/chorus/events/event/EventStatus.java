package dev.chorus.events.event;

import org.eclipse.microprofile.graphql.Description;

@Description("DRAFT, then PUBLISHED (registration possible), then COMPLETED; DRAFT or PUBLISHED events can be CANCELLED.")
public enum EventStatus {
    DRAFT, PUBLISHED, CANCELLED, COMPLETED
}
