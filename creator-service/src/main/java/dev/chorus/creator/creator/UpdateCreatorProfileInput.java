package dev.chorus.creator.creator;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;


@Description("Fields left out (null) stay as they are; an empty bio or region clears it; a list replaces the old one.")
@Input("UpdateCreatorProfileInput")
public record UpdateCreatorProfileInput(
        @Id @NonNull String id,
        String displayName,
        CreatorKind kind,
        String bio,
        String region,
        List<String> genres,
        List<AliasInput> aliases) {
}
