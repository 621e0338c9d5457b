package dev.chorus.creator.viewer;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("The caller, as the verified bearer token says.")
public record Viewer(
        @NonNull boolean anonymous,
        @Description("The token's subject; null when anonymous.") String subject,
        @NonNull List<@NonNull String> roles,
        @Description("The creator the caller acts as (token claim creator_id), if any.") String creatorId) {
}
