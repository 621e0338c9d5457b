package dev.chorus.common.relay;

import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.federation.Shareable;

/** Relay page information, shared by every subgraph. Chorus pages forward only ({@code first}/{@code after}). */
@Shareable
public record PageInfo(@NonNull boolean hasNextPage, @NonNull boolean hasPreviousPage, String startCursor,
        String endCursor) {
}
