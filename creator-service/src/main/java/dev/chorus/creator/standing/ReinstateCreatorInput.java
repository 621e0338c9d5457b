package dev.chorus.creator.standing;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ReinstateCreatorInput")
public record ReinstateCreatorInput(@Id @NonNull String id) {
}
