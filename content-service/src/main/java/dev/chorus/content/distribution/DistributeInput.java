package dev.chorus.content.distribution;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.chorus.common.db.Idempotency;

@Input("DistributeInput")
@Description("Exactly one of workId (a PUBLISHED work) and albumId (a SCHEDULED or RELEASED album).")
public record DistributeInput(@Id String workId, @Id String albumId, @NonNull Platform platform,
        @Description(Idempotency.KEY_DESCRIPTION) String idempotencyKey) {
}
