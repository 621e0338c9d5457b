package dev.chorus.events.lineup;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("SetLineupInput")
@Description("Replaces the line-up with these slots, in order.")
public record SetLineupInput(@Id @NonNull String eventId, @NonNull List<LineupSlotInput> slots) {
}
