package dev.chorus.events.lineup;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("LineupSlotInput")
public record LineupSlotInput(@Id @NonNull String creatorId, @NonNull LineupRole role, OffsetDateTime startsAt) {
}
