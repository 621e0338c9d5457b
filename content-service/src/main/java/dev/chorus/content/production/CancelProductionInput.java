package dev.chorus.content.production;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("CancelProductionInput")
public record CancelProductionInput(@Id @NonNull String productionId, @NonNull String reason) {
}
