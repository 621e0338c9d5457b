package dev.chorus.creator.creator;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import dev.chorus.common.security.Access;
import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Inaccessible;
import io.smallrye.graphql.api.federation.Key;

@Key(fields = @FieldSet("id"))
@Key(fields = @FieldSet("ref"))
@Description("A musician or group in the programme. Owned by creator-service.")
public record Creator(
        @Id @NonNull String id,
        @NonNull @Description("Unique, lower-case, [a-z0-9_.]{3,30}.") String handle,
        @NonNull String displayName,
        @NonNull CreatorKind kind,
        String bio,
        @Description("ISO 3166-1 alpha-2 region code, e.g. CN.") String region,
        @NonNull List<@NonNull String> genres,
        @NonNull CreatorStatus status,
        @Description("Only for staff and the creator itself; null for others.") OffsetDateTime suspendedAt,
        @Description("Only for staff and the creator itself; null for others.") String suspensionReason,
        @NonNull boolean verified,
        OffsetDateTime verifiedAt,
        @NonNull Tier tier,
        @NonNull OffsetDateTime joinedAt,
        @NonNull OffsetDateTime updatedAt,
        @Inaccessible @NonNull @Description("The key other subgraphs hold a creator by: the same UUID as id, hidden "
                + "from clients, so that the gateway asks creator-service, which answers null for a creator the "
                + "caller may not see (a suspended one), even when only its id is asked.") String ref) {

    /** The creator as this caller may see it: the suspension only for staff and the creator itself. */
    public static Creator from(CreatorEntity e, Access access) {
        boolean own = CreatorVisibility.seesPrivate(access, e);
        return new Creator(e.id.toString(), e.handle, e.displayName, e.kind, e.bio, e.region, e.genres, e.status,
                own ? e.suspendedAt : null, own ? e.suspensionReason : null, e.verified, e.verifiedAt, e.tier,
                e.joinedAt, e.updatedAt, e.id.toString());
    }
}
