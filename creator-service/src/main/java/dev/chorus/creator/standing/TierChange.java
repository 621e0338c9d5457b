package dev.chorus.creator.standing;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import dev.chorus.creator.creator.Tier;
import dev.chorus.creator.creator.TierChangeEntity;


@Description("One change of programme tier; the first entry of a history is the tier given at registration.")
public record TierChange(
        @Description("Null for the tier given at registration.") Tier from,
        @NonNull Tier to,
        @NonNull String reason,
        @NonNull OffsetDateTime at) {

    static TierChange from(TierChangeEntity e) {
        return new TierChange(e.fromTier, e.toTier, e.reason, e.changedAt);
    }
}
