package dev.chorus.common.relay;

import org.eclipse.microprofile.graphql.NonNull;

public record Edge<T>(@NonNull String cursor, @NonNull T node) {
}
