package dev.chorus.creator.api;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import dev.chorus.creator.Platform;

@Input("LinkPlatformAccountInput")
public record LinkPlatformAccountInput(@Id @NonNull String creatorId, @NonNull Platform platform,
        @NonNull String externalId) {
}
