package dev.chorus.events.registration;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("RegisterForEventInput")
public record RegisterForEventInput(@Id @NonNull String eventId, @NonNull String attendeeId) {
}
