package dev.chorus.creator.account;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;


@Input("LinkPlatformAccountInput")
public record LinkPlatformAccountInput(@Id @NonNull String creatorId, @NonNull Platform platform,
        @NonNull String externalId) {
}
