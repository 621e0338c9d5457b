package dev.chorus.creator.standing;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("SuspendCreatorInput")
public record SuspendCreatorInput(@Id @NonNull String id, @NonNull String reason) {
}
