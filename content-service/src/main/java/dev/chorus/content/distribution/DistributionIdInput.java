package dev.chorus.content.distribution;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("TakeDownDistributionInput")
public record DistributionIdInput(@Id @NonNull String id) {
}
