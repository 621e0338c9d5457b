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
import dev.chorus.common.security.Caller;
import dev.chorus.content.album.Album;
import dev.chorus.content.album.AlbumQueries;
import dev.chorus.content.work.Work;
import dev.chorus.content.work.WorkQueries;
import io.smallrye.mutiny.Uni;

/** Distribution records in the graph: thin mapping to {@link DistributionService} and {@link DistributionQueries}. */
@GraphQLApi
public class DistributionGraphQLApi {
    private final DistributionService service;
    private final DistributionQueries queries;
    private final WorkQueries works;
    private final AlbumQueries albums;
    private final Caller caller;

    public DistributionGraphQLApi(DistributionService service, DistributionQueries queries, WorkQueries works,
            AlbumQueries albums, Caller caller) {
        this.service = service;
        this.queries = queries;
        this.works = works;
        this.albums = albums;
        this.caller = caller;
    }

    @Description("Where the work is distributed (at most one record per platform). Only for staff and the creators "
            + "credited on the work; null for others.")
    public Uni<List<List<@NonNull Distribution>>> distributions(@Source List<Work> sources) {
        List<UUID> ids = sources.stream().map(w -> UUID.fromString(w.id())).toList();
        return works.withPrivateFields(caller.access(), ids)
                .chain(allowed -> Batches.onlyFor(ids, allowed, queries::ofWorks, Distribution::from));
    }

    @Name("distributions")
    @Description("Where the album is distributed (at most one record per platform). Only for staff and the album's "
            + "primary artists; null for others.")
    public Uni<List<List<@NonNull Distribution>>> albumDistributions(@Source List<Album> sources) {
        List<UUID> ids = sources.stream().map(a -> UUID.fromString(a.id())).toList();
        return albums.withPrivateFields(caller.access(), ids)
                .chain(allowed -> Batches.onlyFor(ids, allowed, queries::ofAlbums, Distribution::from));
    }

    @Mutation
    @Description("Starts distributing a PUBLISHED work or a SCHEDULED/RELEASED album on a platform (PENDING).")
    public Uni<@NonNull Distribution> distribute(@NonNull DistributeInput input) {
        return service.distribute(caller.access(), input).map(Distribution::from);
    }

    @Mutation
    public Uni<@NonNull Distribution> markDistributionLive(@NonNull MarkDistributionLiveInput input) {
        return service.markLive(caller.access(), input).map(Distribution::from);
    }

    @Mutation
    public Uni<@NonNull Distribution> takeDownDistribution(@NonNull DistributionIdInput input) {
        return service.takeDown(caller.access(), input).map(Distribution::from);
    }
}
