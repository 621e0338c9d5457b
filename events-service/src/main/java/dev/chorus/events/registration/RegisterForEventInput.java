package dev.chorus.events.registration;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Registers the caller: the attendee is the bearer token's subject, never an argument. */
@Input("RegisterForEventInput")
public record RegisterForEventInput(@Id @NonNull String eventId) {
}
