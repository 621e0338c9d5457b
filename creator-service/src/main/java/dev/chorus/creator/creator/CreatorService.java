package dev.chorus.creator.creator;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.chorus.common.db.Idempotency;
import dev.chorus.common.db.UniqueViolations;
import dev.chorus.common.error.ConflictException;
import dev.chorus.common.error.ForbiddenException;
import dev.chorus.common.error.NotFoundException;
import dev.chorus.common.input.Inputs;
import dev.chorus.common.security.Access;
import dev.chorus.common.time.Times;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Registering a creator and changing its profile; the locks every change to a creator takes ({@link #locked},
 * {@link #owned}). Each method validates its whole input before its first statement and runs in one
 * transaction, so a refused change writes nothing. The creator row is locked while it changes, so concurrent
 * changes to one creator apply one after another.
 */
@ApplicationScoped
public class CreatorService {

    @WithTransaction
    public Uni<CreatorEntity> register(Access access, RegisterCreatorInput input) {
        access.requireStaff();
        Idempotency.Key key = Idempotency.key("idempotencyKey", input.idempotencyKey());
        String handle = CreatorRules.handle("handle", input.handle());
        String displayName = CreatorRules.displayName(input.displayName());
        String bio = CreatorRules.bio(input.bio());
        String region = CreatorRules.region("region", input.region());
        List<String> genres = CreatorRules.genres(input.genres());
        List<CreatorRules.Alias> aliases = CreatorRules.aliases(input.aliases());

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
        creator.searchText = CreatorRules.searchText(handle, displayName, aliases);

        List<Object> rows = new ArrayList<>();
        rows.add(creator);
        rows.addAll(aliasRows(creator.id, aliases));
        rows.add(TierChangeEntity.of(creator.id, null, Tier.EMERGING, "Registered", now));
        return Idempotency.once("registerCreator", access, key, input,
                () -> CreatorEntity.persist(rows).chain(Panache::flush).replaceWith(creator),
                c -> c.id.toString(), id -> CreatorEntity.<CreatorEntity> findById(UUID.fromString(id)))
                .onFailure().transform(UniqueViolations.mapping(Map.of("creator_handle_key",
                        () -> new ConflictException("handle", "handle '" + handle + "' is already taken"))));
    }

    @WithTransaction
    public Uni<CreatorEntity> updateProfile(Access access, UpdateCreatorProfileInput input) {
        access.requireStaffOrCreator();
        UUID id = Inputs.id("id", input.id());
        String displayName = input.displayName() == null ? null : CreatorRules.displayName(input.displayName());
        String bio = input.bio() == null ? null : CreatorRules.bio(input.bio());
        String region = input.region() == null ? null : CreatorRules.region("region", input.region());
        List<String> genres = input.genres() == null ? null : CreatorRules.genres(input.genres());
        List<CreatorRules.Alias> aliases = input.aliases() == null ? null
                : CreatorRules.aliases(input.aliases());
        return owned(access, id, "id").chain(creator -> {
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
            Uni<List<CreatorRules.Alias>> currentAliases = aliases != null
                    ? AliasEntity.delete("creatorId", id).chain(Panache::flush)
                            .chain(() -> AliasEntity.persist(aliasRows(id, aliases))).replaceWith(aliases)
                    : AliasEntity.<AliasEntity> list("creatorId = ?1 order by position", id)
                            .map(rows -> rows.stream()
                                    .map(a -> new CreatorRules.Alias(a.name, a.locale, a.primary)).toList());
            return currentAliases.map(all -> {
                creator.searchText = CreatorRules.searchText(creator.handle, creator.displayName, all);
                return creator;
            });
        });
    }

    /**
     * The creator, locked, when the caller may change it: staff, or the creator itself while ACTIVE. Another
     * creator's public profile is FORBIDDEN; one the caller may not even see is NOT_FOUND.
     */
    public static Uni<CreatorEntity> owned(Access access, UUID id, String field) {
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

    /** The creator, locked for the rest of the transaction; NOT_FOUND naming {@code field} when there is none. */
    public static Uni<CreatorEntity> locked(UUID id, String field) {
        return CreatorEntity.<CreatorEntity> findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> new NotFoundException(field, "no creator with id " + id));
    }

    private static List<AliasEntity> aliasRows(UUID creatorId, List<CreatorRules.Alias> aliases) {
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

    private static OffsetDateTime now() {
        return Times.now();
    }
}
