package dev.chorus.creator.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.chorus.common.db.UniqueViolations;
import dev.chorus.common.error.ConflictException;
import dev.chorus.common.error.ForbiddenException;
import dev.chorus.common.error.NotFoundException;
import dev.chorus.common.security.Access;
import dev.chorus.common.input.Inputs;
import dev.chorus.common.time.Times;
import dev.chorus.common.db.Idempotency;
import dev.chorus.creator.AliasEntity;
import dev.chorus.creator.CreatorEntity;
import dev.chorus.creator.CreatorStatus;
import dev.chorus.creator.PlatformAccountEntity;
import dev.chorus.creator.Tier;
import dev.chorus.creator.TierChangeEntity;
import dev.chorus.creator.api.ChangeCreatorTierInput;
import dev.chorus.creator.api.LinkPlatformAccountInput;
import dev.chorus.creator.api.RegisterCreatorInput;
import dev.chorus.creator.api.UnlinkPlatformAccountInput;
import dev.chorus.creator.api.UpdateCreatorProfileInput;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Every change to creators. Each method validates its whole input before touching the database and runs in one
 * transaction, so a refused change writes nothing. The creator row is locked while it changes, so concurrent
 * changes to one creator apply one after another.
 */
@ApplicationScoped
public class CreatorService {

    public Uni<CreatorEntity> register(Access access, RegisterCreatorInput input) {
        return Uni.createFrom().deferred(() -> {
            access.requireStaff();
            Idempotency.Key key = Idempotency.key("idempotencyKey", input.idempotencyKey());
            String handle = CreatorValidation.handle("handle", input.handle());
            String displayName = CreatorValidation.displayName(input.displayName());
            String bio = CreatorValidation.bio(input.bio());
            String region = CreatorValidation.region("region", input.region());
            List<String> genres = CreatorValidation.genres(input.genres());
            List<CreatorValidation.Alias> aliases = CreatorValidation.aliases(input.aliases());

            OffsetDateTime now = now();
            CreatorEntity creator = new CreatorEntity();
            creator.id = UUID.randomUUID();
            creator.handle = handle;
            creator.displayName = displayName;
            creator.kind = input.kind();
            creator.bio = bio;
            creator.region = region;
            creator.genres = genres;
            creator.status = CreatorStatus.ACTIVE;
            creator.tier = Tier.EMERGING;
            creator.joinedAt = now;
            creator.updatedAt = now;
            creator.searchText = CreatorValidation.searchText(handle, displayName, aliases);

            List<Object> rows = new ArrayList<>();
            rows.add(creator);
            rows.addAll(aliasRows(creator.id, aliases));
            rows.add(tierChange(creator.id, null, Tier.EMERGING, "Registered", now));
            return Panache.withTransaction(() -> Idempotency.once("registerCreator", access, key, input,
                    () -> CreatorEntity.persist(rows).chain(Panache::flush).replaceWith(creator),
                    c -> c.id.toString(), id -> CreatorEntity.<CreatorEntity> findById(UUID.fromString(id))))
                    .onFailure().transform(UniqueViolations.mapping(Map.of("creator_handle_key",
                            () -> new ConflictException("handle", "handle '" + handle + "' is already taken"))));
        });
    }

    public Uni<CreatorEntity> updateProfile(Access access, UpdateCreatorProfileInput input) {
        return Uni.createFrom().deferred(() -> {
            access.requireStaffOrCreator();
            UUID id = Inputs.id("id", input.id());
            String displayName = input.displayName() == null ? null : CreatorValidation.displayName(input.displayName());
            String bio = input.bio() == null ? null : CreatorValidation.bio(input.bio());
            String region = input.region() == null ? null : CreatorValidation.region("region", input.region());
            List<String> genres = input.genres() == null ? null : CreatorValidation.genres(input.genres());
            List<CreatorValidation.Alias> aliases = input.aliases() == null ? null
                    : CreatorValidation.aliases(input.aliases());
            return Panache.withTransaction(() -> owned(access, id, "id").chain(creator -> {
                if (displayName != null) {
                    creator.displayName = displayName;
                }
                if (input.kind() != null) {
                    creator.kind = input.kind();
                }
                if (input.bio() != null) {
                    creator.bio = bio;
                }
                if (input.region() != null) {
                    creator.region = region;
                }
                if (genres != null) {
                    creator.genres = genres;
                }
                creator.updatedAt = now();
                Uni<List<CreatorValidation.Alias>> currentAliases = aliases != null
                        ? AliasEntity.delete("creatorId", id).chain(Panache::flush)
                                .chain(() -> AliasEntity.persist(aliasRows(id, aliases))).replaceWith(aliases)
                        : AliasEntity.<AliasEntity> list("creatorId = ?1 order by position", id)
                                .map(rows -> rows.stream()
                                        .map(a -> new CreatorValidation.Alias(a.name, a.locale, a.primary)).toList());
                return currentAliases.map(all -> {
                    creator.searchText = CreatorValidation.searchText(creator.handle, creator.displayName, all);
                    return creator;
                });
            }));
        });
    }

    public Uni<CreatorEntity> linkPlatformAccount(Access access, LinkPlatformAccountInput input) {
        return Uni.createFrom().deferred(() -> {
            access.requireStaffOrCreator();
            UUID id = Inputs.id("creatorId", input.creatorId());
            String externalId = CreatorValidation.externalId(input.platform(), input.externalId());
            Supplier<ConflictException> takenByOther = () -> new ConflictException("externalId",
                    input.platform() + " account " + externalId + " is already linked to another creator");
            return Panache.withTransaction(() -> owned(access, id, "creatorId").chain(creator -> PlatformAccountEntity
                    .<PlatformAccountEntity> list("platform = ?1 and (externalId = ?2 or creatorId = ?3)",
                            input.platform(), externalId, id)
                    .chain(existing -> {
                        for (PlatformAccountEntity account : existing) {
                            if (account.externalId.equals(externalId) && account.creatorId.equals(id)) {
                                return Uni.createFrom().item(creator); // already linked: nothing to do
                            }
                            if (account.externalId.equals(externalId)) {
                                throw takenByOther.get();
                            }
                            throw new ConflictException("platform", "creator already has a " + input.platform()
                                    + " account (" + account.externalId + "); unlink it first");
                        }
                        PlatformAccountEntity account = new PlatformAccountEntity();
                        account.id = UUID.randomUUID();
                        account.creatorId = id;
                        account.platform = input.platform();
                        account.externalId = externalId;
                        account.linkedAt = now();
                        creator.updatedAt = account.linkedAt;
                        return account.persistAndFlush().replaceWith(creator);
                    })))
                    .onFailure().transform(UniqueViolations.mapping(Map.of(
                            "platform_account_external_key", takenByOther,
                            "platform_account_one_per_platform", () -> new ConflictException("platform",
                                    "creator already has a " + input.platform() + " account; unlink it first"))));
        });
    }

    public Uni<CreatorEntity> unlinkPlatformAccount(Access access, UnlinkPlatformAccountInput input) {
        return Uni.createFrom().deferred(() -> {
            access.requireStaffOrCreator();
            UUID id = Inputs.id("creatorId", input.creatorId());
            return Panache.withTransaction(() -> owned(access, id, "creatorId").chain(creator -> PlatformAccountEntity
                    .delete("creatorId = ?1 and platform = ?2", id, input.platform())
                    .map(deleted -> {
                        if (deleted == 0) {
                            throw new NotFoundException("platform",
                                    "creator has no " + input.platform() + " account to unlink");
                        }
                        creator.updatedAt = now();
                        return creator;
                    })));
        });
    }

    public Uni<CreatorEntity> verify(Access access, String rawId) {
        return Uni.createFrom().deferred(() -> {
            access.requireStaff();
            UUID id = Inputs.id("id", rawId);
            return Panache.withTransaction(() -> locked(id).map(creator -> {
                if (creator.verified) {
                    throw new ConflictException("id", "creator is already verified");
                }
                creator.verified = true;
                creator.verifiedAt = now();
                creator.updatedAt = creator.verifiedAt;
                return creator;
            }));
        });
    }

    public Uni<CreatorEntity> changeTier(Access access, ChangeCreatorTierInput input) {
        return Uni.createFrom().deferred(() -> {
            access.requireStaff();
            UUID id = Inputs.id("id", input.id());
            String reason = CreatorValidation.reason(input.reason());
            return Panache.withTransaction(() -> locked(id).chain(creator -> {
                if (creator.tier == input.tier()) {
                    throw new ConflictException("tier", "creator is already " + input.tier());
                }
                OffsetDateTime now = now();
                TierChangeEntity change = tierChange(id, creator.tier, input.tier(), reason, now);
                creator.tier = input.tier();
                creator.updatedAt = now;
                return change.persist().replaceWith(creator);
            }));
        });
    }

    public Uni<CreatorEntity> suspend(Access access, String rawId, String rawReason) {
        return Uni.createFrom().deferred(() -> {
            access.requireStaff();
            UUID id = Inputs.id("id", rawId);
            String reason = CreatorValidation.reason(rawReason);
            return Panache.withTransaction(() -> locked(id).map(creator -> {
                if (creator.status == CreatorStatus.SUSPENDED) {
                    throw new ConflictException("id", "creator is already suspended");
                }
                creator.status = CreatorStatus.SUSPENDED;
                creator.suspendedAt = now();
                creator.suspensionReason = reason;
                creator.updatedAt = creator.suspendedAt;
                return creator;
            }));
        });
    }

    public Uni<CreatorEntity> reinstate(Access access, String rawId) {
        return Uni.createFrom().deferred(() -> {
            access.requireStaff();
            UUID id = Inputs.id("id", rawId);
            return Panache.withTransaction(() -> locked(id).map(creator -> {
                if (creator.status == CreatorStatus.ACTIVE) {
                    throw new ConflictException("id", "creator is not suspended");
                }
                creator.status = CreatorStatus.ACTIVE;
                creator.suspendedAt = null;
                creator.suspensionReason = null;
                creator.updatedAt = now();
                return creator;
            }));
        });
    }

    /**
     * The creator, locked, when the caller may change it: staff, or the creator itself while ACTIVE. Another
     * creator's public profile is FORBIDDEN; one the caller may not even see is NOT_FOUND.
     */
    private static Uni<CreatorEntity> owned(Access access, UUID id, String field) {
        return locked(id, field).map(creator -> {
            if (access.staff()) {
                return creator;
            }
            if (!CreatorVisibility.sees(access, creator)) {
                throw new NotFoundException(field, "no creator with id " + id);
            }
            if (!access.is(id)) {
                throw new ForbiddenException("only the creator itself or staff may change this creator");
            }
            if (creator.status == CreatorStatus.SUSPENDED) {
                throw new ForbiddenException("a suspended creator cannot change its profile; ask the programme staff");
            }
            return creator;
        });
    }

    private static Uni<CreatorEntity> locked(UUID id) {
        return locked(id, "id");
    }

    private static Uni<CreatorEntity> locked(UUID id, String field) {
        return CreatorEntity.<CreatorEntity> findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> new NotFoundException(field, "no creator with id " + id));
    }

    private static List<AliasEntity> aliasRows(UUID creatorId, List<CreatorValidation.Alias> aliases) {
        List<AliasEntity> rows = new ArrayList<>();
        for (int i = 0; i < aliases.size(); i++) {
            AliasEntity row = new AliasEntity();
            row.id = UUID.randomUUID();
            row.creatorId = creatorId;
            row.position = i + 1;
            row.name = aliases.get(i).name();
            row.locale = aliases.get(i).locale();
            row.primary = aliases.get(i).primary();
            rows.add(row);
        }
        return rows;
    }

    private static TierChangeEntity tierChange(UUID creatorId, Tier from, Tier to, String reason,
            OffsetDateTime at) {
        TierChangeEntity change = new TierChangeEntity();
        change.id = UUID.randomUUID();
        change.creatorId = creatorId;
        change.fromTier = from;
        change.toTier = to;
        change.reason = reason;
        change.changedAt = at;
        return change;
    }

    private static OffsetDateTime now() {
        return Times.now();
    }
}
