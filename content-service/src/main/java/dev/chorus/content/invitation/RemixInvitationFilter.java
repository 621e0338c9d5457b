package dev.chorus.content.invitation;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("RemixInvitationFilter")
public record RemixInvitationFilter(@Id String workId, @Id String creatorId, RemixInvitationStatus status) {
}
