package dev.chorus.content.engagement;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.NonNull;

public record EngagementBatch(@NonNull LocalDate day, @NonNull int works, @NonNull Counts added) {
}
