package dev.chorus.events.federation;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Inaccessible;
import io.smallrye.graphql.api.federation.Key;

@Key(fields = @FieldSet("ref"))
@Description("A creator (owned by creator-service, held here by ref: see content-service's Creator); events-service adds "
        + "their performances.")
public record Creator(@Inaccessible @NonNull String ref) {
}
