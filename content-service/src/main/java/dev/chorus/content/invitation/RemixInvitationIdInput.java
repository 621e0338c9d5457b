package dev.chorus.content.invitation;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("RemixInvitationIdInput")
public record RemixInvitationIdInput(@Id @NonNull String id) {
}
