package dev.chorus.creator.creator;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.chorus.common.db.Idempotency;


@Input("RegisterCreatorInput")
public record RegisterCreatorInput(
        @NonNull String handle,
        @NonNull String displayName,
        @NonNull CreatorKind kind,
        String bio,
        String region,
        List<String> genres,
        List<AliasInput> aliases,
        @Description(Idempotency.KEY_DESCRIPTION) String idempotencyKey) {
}
