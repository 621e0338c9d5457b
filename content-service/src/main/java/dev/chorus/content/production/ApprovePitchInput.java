package dev.chorus.content.production;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ApprovePitchInput")
public record ApprovePitchInput(@Id @NonNull String productionId, @Id @NonNull String directorId, String note) {
}
