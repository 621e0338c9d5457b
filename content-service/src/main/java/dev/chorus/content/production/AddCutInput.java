package dev.chorus.content.production;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.chorus.common.db.Idempotency;

@Input("AddCutInput")
public record AddCutInput(@Id @NonNull String productionId,
        @NonNull @Description("An http(s) link to the cut.") String url,
        @Description(Idempotency.KEY_DESCRIPTION) String idempotencyKey) {
}
