package dev.chorus.creator.standing;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.chorus.creator.creator.CreatorQueries;
import dev.chorus.creator.creator.TierChangeEntity;
import io.smallrye.mutiny.Uni;

/** Reads of creators' standing: one statement each, whatever the number of creators asked about. */
@ApplicationScoped
public class StandingQueries {
    private final CreatorQueries creators;

    public StandingQueries(CreatorQueries creators) {
        this.creators = creators;
    }

    /** Tier histories, newest change first. */
    public Uni<Map<UUID, List<TierChangeEntity>>> tierHistoriesOf(Collection<UUID> creatorIds) {
        return creators.grouped(creatorIds, TierChangeEntity.class, "t.creator_id, t.changed_at desc, t.id desc",
                t -> t.creatorId);
    }
}
