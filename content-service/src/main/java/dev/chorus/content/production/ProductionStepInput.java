package dev.chorus.content.production;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ProductionStepInput")
public record ProductionStepInput(@Id @NonNull String productionId,
        @Description("Kept in the history, up to 2,000 characters.") String note) {
}
