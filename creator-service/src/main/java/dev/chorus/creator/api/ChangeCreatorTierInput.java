package dev.chorus.creator.api;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import dev.chorus.creator.Tier;

@Input("ChangeCreatorTierInput")
public record ChangeCreatorTierInput(@Id @NonNull String id, @NonNull Tier tier, @NonNull String reason) {
}
