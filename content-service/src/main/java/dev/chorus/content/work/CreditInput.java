package dev.chorus.content.work;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("CreditInput")
public record CreditInput(@Id @NonNull String creatorId, @NonNull CreditRole role, String creditedAs) {
}
