package dev.chorus.content.distribution;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A work or album on a partner platform: PENDING, then LIVE, then TAKEN_DOWN.")
public record Distribution(
        @Id @NonNull String id,
        @NonNull Platform platform,
        @NonNull DistributionStatus status,
        @Description("The platform's id once LIVE.") String externalId,
        @NonNull OffsetDateTime createdAt,
        @NonNull OffsetDateTime updatedAt,
        @Ignore String workId,
        @Ignore String albumId) {

    static Distribution from(DistributionEntity e) {
        return new Distribution(e.id.toString(), e.platform, e.status, e.externalId, e.createdAt, e.updatedAt,
                e.workId == null ? null : e.workId.toString(), e.albumId == null ? null : e.albumId.toString());
    }
}
