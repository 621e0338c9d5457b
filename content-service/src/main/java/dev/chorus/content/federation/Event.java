package dev.chorus.content.federation;

import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Inaccessible;
import io.smallrye.graphql.api.federation.Key;

/**
 * events-service owns events; content-service knows only their key (a challenge's concert-slot prize). The key is
 * {@code ref}, which only events-service turns into the event, so a draft event stays hidden from whoever may not
 * see it, its id included.
 */
@Key(fields = @FieldSet("ref"))
public record Event(@Inaccessible @NonNull String ref) {
}
