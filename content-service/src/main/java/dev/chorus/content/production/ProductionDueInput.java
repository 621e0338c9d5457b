package dev.chorus.content.production;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ProductionDueInput")
public record ProductionDueInput(@NonNull ProductionStage stage, @NonNull OffsetDateTime dueAt) {
}
