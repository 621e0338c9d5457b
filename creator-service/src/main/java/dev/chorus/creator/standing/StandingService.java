package dev.chorus.creator.standing;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.chorus.common.error.ConflictException;
import dev.chorus.common.input.Inputs;
import dev.chorus.common.security.Access;
import dev.chorus.common.time.Times;
import dev.chorus.creator.creator.CreatorEntity;
import dev.chorus.creator.creator.CreatorService;
import dev.chorus.creator.creator.CreatorStatus;
import dev.chorus.creator.creator.TierChangeEntity;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Verification, tier changes, suspension and reinstatement (staff only), each in one transaction with the creator locked. */
@ApplicationScoped
public class StandingService {

    @WithTransaction
    public Uni<CreatorEntity> verify(Access access, String rawId) {
        access.requireStaff();
        UUID id = Inputs.id("id", rawId);
        return CreatorService.locked(id, "id").map(creator -> {
            if (creator.verified) {
                throw new ConflictException("id", "creator is already verified");
            }
            creator.verified = true;
            creator.verifiedAt = Times.now();
            creator.updatedAt = creator.verifiedAt;
            return creator;
        });
    }

    @WithTransaction
    public Uni<CreatorEntity> changeTier(Access access, ChangeCreatorTierInput input) {
        access.requireStaff();
        UUID id = Inputs.id("id", input.id());
        String reason = StandingRules.reason(input.reason());
        return CreatorService.locked(id, "id").chain(creator -> {
            if (creator.tier == input.tier()) {
                throw new ConflictException("tier", "creator is already " + input.tier());
            }
            OffsetDateTime now = Times.now();
            TierChangeEntity change = TierChangeEntity.of(id, creator.tier, input.tier(), reason, now);
            creator.tier = input.tier();
            creator.updatedAt = now;
            return change.persist().replaceWith(creator);
        });
    }

    @WithTransaction
    public Uni<CreatorEntity> suspend(Access access, String rawId, String rawReason) {
        access.requireStaff();
        UUID id = Inputs.id("id", rawId);
        String reason = StandingRules.reason(rawReason);
        return CreatorService.locked(id, "id").map(creator -> {
            if (creator.status == CreatorStatus.SUSPENDED) {
                throw new ConflictException("id", "creator is already suspended");
            }
            creator.status = CreatorStatus.SUSPENDED;
            creator.suspendedAt = Times.now();
            creator.suspensionReason = reason;
            creator.updatedAt = creator.suspendedAt;
            return creator;
        });
    }

    @WithTransaction
    public Uni<CreatorEntity> reinstate(Access access, String rawId) {
        access.requireStaff();
        UUID id = Inputs.id("id", rawId);
        return CreatorService.locked(id, "id").map(creator -> {
            if (creator.status == CreatorStatus.ACTIVE) {
                throw new ConflictException("id", "creator is not suspended");
            }
            creator.status = CreatorStatus.ACTIVE;
            creator.suspendedAt = null;
            creator.suspensionReason = null;
            creator.updatedAt = Times.now();
            return creator;
        });
    }
}
