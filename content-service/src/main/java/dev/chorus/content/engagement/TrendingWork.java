package dev.chorus.content.engagement;

import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

public record TrendingWork(@NonNull int rank, @NonNull Counts counts, @Ignore String workId) {
}
