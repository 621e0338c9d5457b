package dev.chorus.content.federation;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Inaccessible;
import io.smallrye.graphql.api.federation.Key;

/**
 * creator-service owns creators; content-service knows only their key and adds works, albums and credits. The key is
 * {@code ref}, which only creator-service turns into an {@code id}, so a creator hidden from the caller stays hidden
 * wherever content-service refers to it.
 */
@Key(fields = @FieldSet("ref"))
@Description("A creator (owned by creator-service); content-service adds their works, albums and credits.")
public record Creator(@Inaccessible @NonNull String ref) {
}
