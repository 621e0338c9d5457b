package dev.chorus.content.distribution;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import dev.chorus.common.graphql.Batches;
import dev.chorus.content.album.Album;
import dev.chorus.content.work.Work;
import io.smallrye.mutiny.Uni;

/** Distribution records in the graph: thin mapping to {@link DistributionService} and {@link DistributionQueries}. */
@GraphQLApi
public class DistributionGraphQLApi {
    private final DistributionService service;
    private final DistributionQueries queries;

    public DistributionGraphQLApi(DistributionService service, DistributionQueries queries) {
        this.service = service;
        this.queries = queries;
    }

    @NonNull
    @Description("Where the work is distributed (at most one record per platform).")
    public Uni<List<@NonNull List<@NonNull Distribution>>> distributions(@Source List<Work> works) {
        List<UUID> ids = works.stream().map(w -> UUID.fromString(w.id())).toList();
        return queries.ofWorks(ids).map(byWork -> Batches.inOrder(ids, byWork, Distribution::from));
    }

    @NonNull
    @Name("distributions")
    @Description("Where the album is distributed (at most one record per platform).")
    public Uni<List<@NonNull List<@NonNull Distribution>>> albumDistributions(@Source List<Album> albums) {
        List<UUID> ids = albums.stream().map(a -> UUID.fromString(a.id())).toList();
        return queries.ofAlbums(ids).map(byAlbum -> Batches.inOrder(ids, byAlbum, Distribution::from));
    }

    @Mutation
    @Description("Starts distributing a PUBLISHED work or a SCHEDULED/RELEASED album on a platform (PENDING).")
    public Uni<@NonNull Distribution> distribute(@NonNull DistributeInput input) {
        return service.distribute(input).map(Distribution::from);
    }

    @Mutation
    public Uni<@NonNull Distribution> markDistributionLive(@NonNull MarkDistributionLiveInput input) {
        return service.markLive(input).map(Distribution::from);
    }

    @Mutation
    public Uni<@NonNull Distribution> takeDownDistribution(@NonNull DistributionIdInput input) {
        return service.takeDown(input).map(Distribution::from);
    }
}
