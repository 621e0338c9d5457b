package dev.chorus.content.production;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.NonNull;

public record ProductionPitch(@NonNull String title, @NonNull String treatment, @NonNull OffsetDateTime submittedAt) {
}
