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
        return reads.where(DistributionEntity.class, "work_id", works, "t.platform")
                .map(rows -> Batches.groupBy(rows, d -> d.workId));
    }

    public Uni<Map<UUID, List<DistributionEntity>>> ofAlbums(List<UUID> albums) {
        return reads.where(DistributionEntity.class, "album_id", albums, "t.platform")
                .map(rows -> Batches.groupBy(rows, d -> d.albumId));
    }
}
