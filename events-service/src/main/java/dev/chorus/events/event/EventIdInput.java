package dev.chorus.events.event;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("EventIdInput")
public record EventIdInput(@Id @NonNull String id) {
}
