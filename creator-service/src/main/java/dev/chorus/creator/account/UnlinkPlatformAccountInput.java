package dev.chorus.creator.account;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;


@Input("UnlinkPlatformAccountInput")
public record UnlinkPlatformAccountInput(@Id @NonNull String creatorId, @NonNull Platform platform) {
}
