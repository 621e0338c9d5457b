package dev.chorus.events.lineup;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("SetSetlistInput")
@Description("Replaces the setlist with these works, in order; a work at most once.")
public record SetSetlistInput(@Id @NonNull String eventId, @NonNull List<String> workIds) {
}
