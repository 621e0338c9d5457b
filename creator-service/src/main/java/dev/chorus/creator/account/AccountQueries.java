package dev.chorus.creator.account;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.chorus.common.db.Reads;
import dev.chorus.common.security.Access;
import dev.chorus.creator.creator.CreatorEntity;
import dev.chorus.creator.creator.CreatorQueries;
import io.smallrye.mutiny.Uni;

/** Reads of platform accounts: one statement each, whatever the number of creators asked about. */
@ApplicationScoped
public class AccountQueries {
    private final Reads reads;
    private final CreatorQueries creators;

    public AccountQueries(Reads reads, CreatorQueries creators) {
        this.reads = reads;
        this.creators = creators;
    }

    /** The owner of a platform account when the caller may see it; BAD_USER_INPUT when the id cannot be one of that platform's. */
    public Uni<CreatorEntity> ownerOf(Access access, Platform platform, String rawExternalId) {
        String externalId = AccountRules.externalId(platform, rawExternalId);
        return reads.read(s -> s.createSelectionQuery("""
            select c from CreatorEntity c, PlatformAccountEntity a
            where a.creatorId = c.id and a.platform = :platform and a.externalId = :externalId""",
            CreatorEntity.class)
                .setParameter("platform", platform).setParameter("externalId", externalId)
                .getSingleResultOrNull()).map(c -> CreatorQueries.visible(access, c));
    }

    public Uni<Map<UUID, List<PlatformAccountEntity>>> accountsOf(Collection<UUID> creatorIds) {
        return creators.grouped(creatorIds, PlatformAccountEntity.class, "t.creator_id, t.platform", a -> a.creatorId);
    }
}
