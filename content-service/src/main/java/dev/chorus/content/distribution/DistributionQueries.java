package dev.chorus.content.distribution;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.chorus.common.db.Reads;
import dev.chorus.common.graphql.Batches;
import io.smallrye.mutiny.Uni;

/** Reads of distribution records: one statement for any number of works or albums. */
@ApplicationScoped
public class DistributionQueries {
    private final Reads reads;

    public DistributionQueries(Reads reads) {
        this.reads = reads;
    }

    public Uni<Map<UUID, List<DistributionEntity>>> ofWorks(List<UUID> works) {
        return reads.read(s -> s.createSelectionQuery("from DistributionEntity where workId in :ids order by platform",
                DistributionEntity.class).setParameter("ids", works).getResultList())
                .map(rows -> Batches.groupBy(rows, d -> d.workId));
    }

    public Uni<Map<UUID, List<DistributionEntity>>> ofAlbums(List<UUID> albums) {
        return reads.read(s -> s.createSelectionQuery("from DistributionEntity where albumId in :ids order by platform",
                DistributionEntity.class).setParameter("ids", albums).getResultList())
                .map(rows -> Batches.groupBy(rows, d -> d.albumId));
    }
}
