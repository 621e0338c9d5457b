package dev.chorus.events.federation;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Inaccessible;
import io.smallrye.graphql.api.federation.Key;

@Key(fields = @FieldSet("ref"))
@Description("A work (owned by content-service); events-service adds the events where it was performed.")
public record Work(@Inaccessible @NonNull String ref) {
}
