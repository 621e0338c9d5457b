package dev.chorus.content.album;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.chorus.common.graphql.Batches;
import dev.chorus.common.graphql.Selections;
import dev.chorus.common.input.Inputs;
import dev.chorus.common.relay.Connection;
import dev.chorus.common.relay.Cursor;
import dev.chorus.common.relay.PageRequest;
import dev.chorus.common.relay.Slice;
import dev.chorus.common.security.Access;
import dev.chorus.common.security.Caller;
import dev.chorus.content.federation.Creator;
import dev.chorus.content.work.Work;
import dev.chorus.content.work.WorkQueries;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.mutiny.Uni;

/** Albums in the graph: thin mapping to {@link AlbumService} and {@link AlbumQueries}. */
@GraphQLApi
public class AlbumGraphQLApi {
    private final AlbumService service;
    private final AlbumQueries queries;
    private final WorkQueries works;
    private final Context context;
    private final Caller caller;

    public AlbumGraphQLApi(AlbumService service, AlbumQueries queries, WorkQueries works, Context context,
            Caller caller) {
        this.caller = caller;
        this.service = service;
        this.queries = queries;
        this.works = works;
        this.context = context;
    }

    private static Connection<Album> connection(Slice<AlbumEntity> slice, PageRequest<Cursor.TimeAndId> page) {
        return page.connection(slice == null ? new Slice<>(List.of(), 0) : slice, Album::from,
                a -> Cursor.TimeAndId.of(a.createdAt(), a.id()));
    }

    @Query
    @Description("An album by id, or null (also when it is not RELEASED and the caller may not see it).")
    public Uni<Album> album(@Id @NonNull String id) {
        Access access = caller.access();
        return queries.byId(access, Inputs.id("id", id)).map(a -> a == null ? null : Album.from(a));
    }

    @Query
    @Description("Albums, newest first, narrowed by the filter (by kind, status, boutique, primary artist). `first` is "
            + "0..100 (default 20).")
    public Uni<Connection<@NonNull Album>> albums(AlbumFilter filter, Integer first, String after) {
        Access access = caller.access();
        PageRequest<Cursor.TimeAndId> page = PageRequest.of(first, after, Cursor.TimeAndId::decode);
        return queries.search(access, filter, page, Selections.wants(context, "totalCount")).map(s -> connection(s, page));
    }

    @Resolver
    public Uni<List<Album>> albumEntities(@Name("id") List<String> ids) {
        return queries.byIds(caller.access(), ids.stream().map(Inputs::idOrNull).toList())
                .map(rows -> rows.stream().map(a -> a == null ? null : Album.from(a)).toList());
    }

    @NonNull
    @Description("The primary artists, in order; null in place of one the caller may not see (suspended).")
    public Uni<List<@NonNull List<Creator>>> primaryArtists(@Source List<Album> albums) {
        List<UUID> ids = albums.stream().map(a -> UUID.fromString(a.id())).toList();
        return queries.artistsOf(ids).map(byAlbum -> Batches.inOrder(ids, byAlbum, r -> new Creator(r.creatorId.toString())));
    }

    @NonNull
    @Description("The tracks, in order.")
    public Uni<List<@NonNull List<@NonNull Track>>> tracks(@Source List<Album> albums) {
        List<UUID> ids = albums.stream().map(a -> UUID.fromString(a.id())).toList();
        return queries.tracksOf(ids).map(byAlbum -> Batches.inOrder(ids, byAlbum, Track::from));
    }

    @Description("The track's work; null when the caller may not see it (a WITHDRAWN or DRAFT work), as everywhere.")
    public Uni<List<Work>> work(@Source List<Track> tracks) {
        return works.byIds(caller.access(), tracks.stream().map(t -> UUID.fromString(t.workId())).toList())
                .map(rows -> rows.stream().map(w -> w == null ? null : Work.from(w)).toList());
    }

    @Description("Albums naming this creator as a primary artist, newest first, narrowed by the filter (e.g. "
            + "`{boutique: true}` for the boutique albums).")
    public Uni<List<@NonNull Connection<@NonNull Album>>> albums(@Source List<Creator> creators, AlbumFilter filter,
            Integer first, String after) {
        Access access = caller.access();
        PageRequest<Cursor.TimeAndId> page = PageRequest.of(first, after, Cursor.TimeAndId::decode);
        List<UUID> ids = creators.stream().map(c -> Inputs.idOrNull(c.ref())).toList();
        return queries.ofCreators(access, ids, filter, page, Selections.wants(context, "totalCount"))
                .map(slices -> ids.stream().map(id -> connection(id == null ? null : slices.get(id), page)).toList());
    }

    @Mutation
    @Description("Creates a DRAFT album with its primary artists and, optionally, tracks.")
    public Uni<@NonNull Album> createAlbum(@NonNull CreateAlbumInput input) {
        return service.create(caller.access(), input).map(Album::from);
    }

    @Mutation
    public Uni<@NonNull Album> updateAlbum(@NonNull UpdateAlbumInput input) {
        return service.update(caller.access(), input).map(Album::from);
    }

    @Mutation
    @Description("Schedules a DRAFT album for a future day; it needs a UPC and tracks that are all PUBLISHED with an ISRC.")
    public Uni<@NonNull Album> scheduleAlbum(@NonNull ScheduleAlbumInput input) {
        return service.schedule(caller.access(), input).map(Album::from);
    }

    @Mutation
    @Description("Releases a DRAFT or SCHEDULED album today, under the same conditions as scheduling.")
    public Uni<@NonNull Album> releaseAlbum(@NonNull ReleaseAlbumInput input) {
        return service.release(caller.access(), input).map(Album::from);
    }
}
