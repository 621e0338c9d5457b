package dev.chorus.content.work;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

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
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.graphql.api.federation.link.Import;
import io.smallrye.graphql.api.federation.link.Link;
import io.smallrye.mutiny.Uni;

/** Works in the graph: thin mapping to {@link WorkService} and {@link WorkQueries}. */
@GraphQLApi
@Link(url = "https://specs.apollo.dev/federation/v2.7", _import = {
        @Import(name = "@key"), @Import(name = "@shareable"), @Import(name = "@external"),
        @Import(name = "@requires"), @Import(name = "@provides"), @Import(name = "@inaccessible"),
        @Import(name = "@tag") })
public class WorkGraphQLApi {
    private final WorkService service;
    private final WorkQueries queries;
    private final Context context;
    private final Caller caller;

    public WorkGraphQLApi(WorkService service, WorkQueries queries, Context context, Caller caller) {
        this.service = service;
        this.queries = queries;
        this.context = context;
        this.caller = caller;
    }

    /** A work's cursor in lists ordered newest first. */

    private static Connection<Work> connection(Slice<WorkEntity> slice, PageRequest<Cursor.TimeAndId> page) {
        // a null slice: a parent whose id cannot exist
        return page.connection(slice == null ? new Slice<>(List.of(), 0) : slice, Work::from,
                w -> Cursor.TimeAndId.of(w.createdAt(), w.id()));
    }

    // --- queries

    @Query
    @Description("A work by id, or null (also when it is a DRAFT or WITHDRAWN work the caller may not see).")
    public Uni<Work> work(@Id @NonNull String id) {
        Access access = caller.access();
        return queries.byId(access, Inputs.id("id", id))
                .map(w -> w == null ? null : Work.from(w));
    }

    @Query
    @Description("A work by ISRC (hyphens and case do not matter), or null.")
    public Uni<Work> workByIsrc(@NonNull String isrc) {
        Access access = caller.access();
        return queries.byIsrc(access, WorkRules.isrc(isrc))
                .map(w -> w == null ? null : Work.from(w));
    }

    @Query
    @Description("Works, newest first, narrowed by the filter. `first` is 0..100 (default 20).")
    public Uni<Connection<@NonNull Work>> works(WorkFilter filter, Integer first, String after) {
        Access access = caller.access();
        PageRequest<Cursor.TimeAndId> page = PageRequest.of(first, after, Cursor.TimeAndId::decode);
        return queries.search(access, WorkQueries.Criteria.of(filter), page, Selections.wants(context, "totalCount"))
                .map(slice -> connection(slice, page));
    }

    @Resolver
    public Uni<List<Work>> workEntities(@Name("id") List<String> ids) {
        return queries.byIds(caller.access(), ids.stream().map(Inputs::idOrNull).toList())
                .map(rows -> rows.stream().map(w -> w == null ? null : Work.from(w)).toList());
    }

    @Resolver
    public Uni<List<Work>> workEntitiesByRef(@Name("ref") List<String> refs) {
        return workEntities(refs);
    }

    // --- batched fields of Work

    @NonNull
    @Description("The credits, in order.")
    public Uni<List<@NonNull List<@NonNull Credit>>> credits(@Source List<Work> works) {
        return perWork(works, queries::creditsOf, Credit::from);
    }

    @Description("Who is paid what share. Only for staff and the creators credited on the work; null for others.")
    public Uni<List<List<@NonNull RoyaltySplit>>> royaltySplits(@Source List<Work> works) {
        List<UUID> ids = works.stream().map(w -> UUID.fromString(w.id())).toList();
        return queries.withPrivateFields(caller.access(), ids)
                .chain(allowed -> Batches.onlyFor(ids, allowed, queries::splitsOf, RoyaltySplit::from));
    }

    @Description("The work a REMIX or COVER derives from, or the audio work of a MUSIC_VIDEO.")
    public Uni<List<Work>> derivedFrom(@Source List<Work> works) {
        List<UUID> sources = works.stream().map(w -> Inputs.idOrNull(w.derivedFromId())).toList();
        return queries.byIds(caller.access(), sources)
                .map(rows -> rows.stream().map(w -> w == null ? null : Work.from(w)).toList());
    }

    @NonNull
    @Description("REMIX works derived from this one, newest first unless `orderBy` says otherwise.")
    public Uni<List<@NonNull Connection<@NonNull Work>>> remixes(@Source List<Work> works, WorkOrderBy orderBy,
            Integer first, String after) {
        return derived(works, WorkKind.REMIX, orderBy, first, after);
    }

    @NonNull
    @Description("COVER works of this one, newest first unless `orderBy` says otherwise.")
    public Uni<List<@NonNull Connection<@NonNull Work>>> covers(@Source List<Work> works, WorkOrderBy orderBy,
            Integer first, String after) {
        return derived(works, WorkKind.COVER, orderBy, first, after);
    }

    @NonNull
    @Description("MUSIC_VIDEO works made for this one, newest first unless `orderBy` says otherwise.")
    public Uni<List<@NonNull Connection<@NonNull Work>>> musicVideos(@Source List<Work> works, WorkOrderBy orderBy,
            Integer first, String after) {
        return derived(works, WorkKind.MUSIC_VIDEO, orderBy, first, after);
    }

    // --- Creator, extended

    @Description("Works crediting this creator, newest first unless `orderBy` says otherwise (most played, by "
            + "title). Nullable like every field one subgraph adds to another's type: if this subgraph fails, only "
            + "this field is lost.")
    public Uni<List<@NonNull Connection<@NonNull Work>>> works(@Source List<Creator> creators, WorkFilter filter,
            WorkOrderBy orderBy, Integer first, String after) {
        Access access = caller.access();
        WorkOrdering ordering = WorkRules.ordering(orderBy);
        PageRequest<Cursor> page = PageRequest.of(first, after, ordering::decode);
        List<UUID> ids = creators.stream().map(c -> Inputs.idOrNull(c.ref())).toList();
        return queries.ofCreators(access, ids, WorkQueries.Criteria.of(filter), ordering, page,
                Selections.wants(context, "totalCount"))
                .map(pages -> ids.stream().map(id -> connection(pages, id, ordering, page)).toList());
    }

    @Description("This creator's credit lines, grouped by work.")
    public Uni<List<@NonNull Connection<@NonNull Credit>>> credits(@Source List<Creator> creators, Integer first,
            String after) {
        Access access = caller.access();
        PageRequest<Cursor.IdAndNumber> page = PageRequest.of(first, after, Cursor.IdAndNumber::decode);
        List<UUID> ids = creators.stream().map(c -> Inputs.idOrNull(c.ref())).toList();
        return queries.creditsOfCreators(access, ids, page, Selections.wants(context, "totalCount"))
                .map(slices -> ids.stream().map(id -> page.connection(slices.getOrDefault(id, new Slice<>(List.of(), 0)),
                        Credit::from, c -> new Cursor.IdAndNumber(UUID.fromString(c.workId()), c.position()))).toList());
    }

    @NonNull
    @Description("The credited work.")
    public Uni<List<@NonNull Work>> work(@Source List<Credit> credits) {
        return queries.byIds(credits.stream().map(c -> UUID.fromString(c.workId())).toList())
                .map(rows -> rows.stream().map(Work::from).toList());
    }

    // --- mutations

    @Mutation
    @Description("Creates a DRAFT work with its credits and, optionally, royalty splits.")
    public Uni<@NonNull Work> createWork(@NonNull CreateWorkInput input) {
        return service.create(caller.access(), input).map(Work::from);
    }

    @Mutation
    public Uni<@NonNull Work> updateWork(@NonNull UpdateWorkInput input) {
        return service.update(caller.access(), input).map(Work::from);
    }

    @Mutation
    @Description("Publishes a DRAFT or WITHDRAWN work; it needs at least one PERFORMER credit.")
    public Uni<@NonNull Work> publishWork(@NonNull PublishWorkInput input) {
        return service.publish(caller.access(), input).map(Work::from);
    }

    @Mutation
    public Uni<@NonNull Work> withdrawWork(@NonNull WorkIdInput input) {
        return service.withdraw(caller.access(), input).map(Work::from);
    }

    // ---

    private Uni<List<Connection<Work>>> derived(List<Work> works, WorkKind kind, WorkOrderBy orderBy, Integer first,
            String after) {
        Access access = caller.access();
        WorkOrdering ordering = WorkRules.ordering(orderBy);
        PageRequest<Cursor> page = PageRequest.of(first, after, ordering::decode);
        List<UUID> ids = works.stream().map(w -> UUID.fromString(w.id())).toList();
        return queries.derivedFrom(access, ids, kind, ordering, page, Selections.wants(context, "totalCount"))
                .map(pages -> ids.stream().map(id -> connection(pages, id, ordering, page)).toList());
    }

    /** One parent's page of works, each with the cursor of the ordering. */
    private static Connection<Work> connection(WorkQueries.Pages pages, UUID parent, WorkOrdering ordering,
            PageRequest<Cursor> page) {
        Slice<WorkEntity> slice = pages.slices().get(parent);
        return page.connection(slice == null ? new Slice<>(List.of(), 0) : slice, Work::from,
                w -> ordering.cursor(w, pages.keys().get(UUID.fromString(w.id()))));
    }

    private static <E, T> Uni<List<List<T>>> perWork(List<Work> works, Function<List<UUID>, Uni<Map<UUID, List<E>>>> load,
            Function<E, T> map) {
        List<UUID> ids = works.stream().map(w -> UUID.fromString(w.id())).toList();
        return load.apply(ids).map(byWork -> Batches.inOrder(ids, byWork, map));
    }
}
