package dev.chorus.creator.standing;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.chorus.creator.creator.Tier;


@Input("ChangeCreatorTierInput")
public record ChangeCreatorTierInput(@Id @NonNull String id, @NonNull Tier tier, @NonNull String reason) {
}
