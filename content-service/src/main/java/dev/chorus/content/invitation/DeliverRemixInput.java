package dev.chorus.content.invitation;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("DeliverRemixInput")
public record DeliverRemixInput(@Id @NonNull String id,
        @Id @NonNull @Description("A REMIX derived from the invited work, crediting the invitee.") String remixWorkId) {
}
