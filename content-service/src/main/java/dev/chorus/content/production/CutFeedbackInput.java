package dev.chorus.content.production;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.chorus.common.db.Idempotency;

@Input("CutFeedbackInput")
public record CutFeedbackInput(@Id @NonNull String cutId, @NonNull @Description("1 to 2,000 characters.") String note,
        @Description(Idempotency.KEY_DESCRIPTION) String idempotencyKey) {
}
