package dev.chorus.content.creator;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;

/** creator-service owns creators; content-service knows only their key and adds works, albums and credits. */
@Key(fields = @FieldSet("id"))
@Description("A creator (owned by creator-service); content-service adds their works, albums and credits.")
public record Creator(@Id @NonNull String id) {
}
