package dev.chorus.content.engagement;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.NonNull;

public record EngagementDay(@NonNull LocalDate day, @NonNull Counts counts) {
}
