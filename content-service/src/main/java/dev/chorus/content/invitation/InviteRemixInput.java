package dev.chorus.content.invitation;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.chorus.common.db.Idempotency;

@Input("InviteRemixInput")
public record InviteRemixInput(
        @Id @NonNull @Description("The PUBLISHED work to remix.") String workId,
        @Id @NonNull @Description("The creator invited.") String creatorId,
        String message,
        @Description("Deadline to answer; 14 days from now when left out.") OffsetDateTime respondBy,
        @Description(Idempotency.KEY_DESCRIPTION) String idempotencyKey) {
}
