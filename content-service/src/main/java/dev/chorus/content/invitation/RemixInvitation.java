package dev.chorus.content.invitation;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import dev.chorus.common.time.Times;
import dev.chorus.content.federation.Creator;

@Description("Programme staff invite a creator to remix a work: INVITED, then ACCEPTED, DECLINED or EXPIRED; "
        + "ACCEPTED, then DELIVERED with the remix.")
public record RemixInvitation(
        @Id @NonNull String id,
        @Description("The invited creator; null when the caller may not see it (suspended).") Creator invitee,
        @NonNull RemixInvitationStatus status,
        String message,
        @NonNull @Description("After this an INVITED invitation is EXPIRED.") OffsetDateTime respondBy,
        @NonNull OffsetDateTime createdAt,
        @NonNull OffsetDateTime updatedAt,
        @Ignore String workId,
        @Ignore String deliveredWorkId) {

    static RemixInvitation from(RemixInvitationEntity e) {
        return new RemixInvitation(e.id.toString(), new Creator(e.creatorId.toString()), e.effectiveStatus(Times.now()),
                e.message, e.respondBy, e.createdAt, e.updatedAt, e.workId.toString(),
                e.deliveredWorkId == null ? null : e.deliveredWorkId.toString());
    }
}
