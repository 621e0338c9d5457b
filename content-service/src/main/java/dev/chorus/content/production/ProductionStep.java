package dev.chorus.content.production;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One step of a production: who (the token's subject), when, from which stage (none when opened) to "
        + "which, and the note.")
public record ProductionStep(ProductionStage from, @NonNull ProductionStage to, @NonNull String actor,
        @NonNull OffsetDateTime at, String note) {
}
