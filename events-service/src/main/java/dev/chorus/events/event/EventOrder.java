package dev.chorus.events.event;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("EventOrder")
@Description("How `events` are ordered; ties (the same start) are broken by id.")
public enum EventOrder {
    @Description("By start time, soonest first (the default): upcoming events.")
    SOONEST,
    @Description("By start time, latest first: an archive of past events.")
    LATEST
}
