package dev.chorus.creator.standing;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("VerifyCreatorInput")
public record VerifyCreatorInput(@Id @NonNull String id) {
}
