package dev.chorus.content.invitation;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("InviteRemixInput")
public record InviteRemixInput(
        @Id @NonNull @Description("The PUBLISHED work to remix.") String workId,
        @Id @NonNull @Description("The creator invited.") String creatorId,
        String message,
        @Description("Deadline to answer; 14 days from now when left out.") OffsetDateTime respondBy) {
}
