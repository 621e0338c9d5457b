package dev.chorus.content.production;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.NonNull;

public record ProductionDue(@NonNull ProductionStage stage, @NonNull OffsetDateTime dueAt) {
}
