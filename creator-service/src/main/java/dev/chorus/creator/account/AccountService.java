package dev.chorus.creator.account;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.chorus.common.db.UniqueViolations;
import dev.chorus.common.error.ConflictException;
import dev.chorus.common.error.NotFoundException;
import dev.chorus.common.input.Inputs;
import dev.chorus.common.security.Access;
import dev.chorus.common.time.Times;
import dev.chorus.creator.creator.CreatorEntity;
import dev.chorus.creator.creator.CreatorService;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Linking and unlinking a creator's platform accounts, each in one transaction with the creator locked. */
@ApplicationScoped
public class AccountService {

    @WithTransaction
    public Uni<CreatorEntity> linkPlatformAccount(Access access, LinkPlatformAccountInput input) {
        access.requireStaffOrCreator();
        UUID id = Inputs.id("creatorId", input.creatorId());
        String externalId = AccountRules.externalId(input.platform(), input.externalId());
        Supplier<ConflictException> takenByOther = () -> new ConflictException("externalId",
                input.platform() + " account " + externalId + " is already linked to another creator");
        return CreatorService.owned(access, id, "creatorId").chain(creator -> PlatformAccountEntity
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
                    account.linkedAt = Times.now();
                    creator.updatedAt = account.linkedAt;
                    return account.persistAndFlush().replaceWith(creator);
                }))
                .onFailure().transform(UniqueViolations.mapping(Map.of(
                        "platform_account_external_key", takenByOther,
                        "platform_account_one_per_platform", () -> new ConflictException("platform",
                                "creator already has a " + input.platform() + " account; unlink it first"))));
    }

    @WithTransaction
    public Uni<CreatorEntity> unlinkPlatformAccount(Access access, UnlinkPlatformAccountInput input) {
        access.requireStaffOrCreator();
        UUID id = Inputs.id("creatorId", input.creatorId());
        return CreatorService.owned(access, id, "creatorId").chain(creator -> PlatformAccountEntity
                .delete("creatorId = ?1 and platform = ?2", id, input.platform())
                .map(deleted -> {
                    if (deleted == 0) {
                        throw new NotFoundException("platform",
                                "creator has no " + input.platform() + " account to unlink");
                    }
                    creator.updatedAt = Times.now();
                    return creator;
                }));
    }
}
