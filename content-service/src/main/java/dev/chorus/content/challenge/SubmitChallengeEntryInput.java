package dev.chorus.content.challenge;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.chorus.common.db.Idempotency;

@Input("SubmitChallengeEntryInput")
public record SubmitChallengeEntryInput(
        @Id @NonNull String challengeId,
        @Id @NonNull @Description("One of the caller's own PUBLISHED works (staff: any creator's, for them).")
        String workId,
        @Id @Description("The entrant, a creator credited on the work; for a creator: themselves, left out.")
        String creatorId,
        @Description(Idempotency.KEY_DESCRIPTION) String idempotencyKey) {
}
