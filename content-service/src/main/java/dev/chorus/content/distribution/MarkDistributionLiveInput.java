package dev.chorus.content.distribution;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("MarkDistributionLiveInput")
public record MarkDistributionLiveInput(@Id @NonNull String id, @NonNull String externalId) {
}
