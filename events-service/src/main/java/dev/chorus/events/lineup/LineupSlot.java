package dev.chorus.events.lineup;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import dev.chorus.events.federation.Creator;

@Description("A creator's slot in an event's line-up; as a creator's performance it also leads to the event.")
public record LineupSlot(@NonNull int position,
        @Description("Null when the caller may not see the creator (a suspended one).") Creator creator, @NonNull LineupRole role,
        @Ignore OffsetDateTime startsAtUtc, @Ignore String eventId, @Ignore String slotId) {

    public static LineupSlot from(LineupSlotEntity e) {
        return new LineupSlot(e.position, new Creator(e.creatorId.toString()), e.role, e.startsAt, e.eventId.toString(),
                e.id.toString());
    }
}
