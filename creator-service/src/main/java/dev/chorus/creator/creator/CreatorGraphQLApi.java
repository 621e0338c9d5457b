package dev.chorus.creator.creator;

import java.util.List;
import java.util.Locale;
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
import dev.chorus.common.security.Access;
import dev.chorus.common.security.Caller;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.graphql.api.federation.link.Import;
import io.smallrye.graphql.api.federation.link.Link;
import io.smallrye.mutiny.Uni;

/**
 * Creators and their profiles: thin mapping between GraphQL and {@link CreatorService} / {@link CreatorQueries}.
 * Carries the subgraph's Federation link; platform accounts and standing add their fields in their own packages.
 */
@GraphQLApi
@Link(url = "https://specs.apollo.dev/federation/v2.7", _import = {
        @Import(name = "@key"), @Import(name = "@shareable"), @Import(name = "@external"),
        @Import(name = "@requires"), @Import(name = "@provides"), @Import(name = "@inaccessible"),
        @Import(name = "@tag") })
public class CreatorGraphQLApi {
    private final CreatorService service;
    private final CreatorQueries queries;
    private final Context context;
    private final Caller caller;

    public CreatorGraphQLApi(CreatorService service, CreatorQueries queries, Context context, Caller caller) {
        this.service = service;
        this.queries = queries;
        this.context = context;
        this.caller = caller;
    }

    // --- queries

    @Query
    @Description("A creator by id, or null.")
    public Uni<Creator> creator(@Id @NonNull String id) {
        Access access = caller.access();
        return queries.byId(access, Inputs.id("id", id)).map(c -> toCreator(c, access));
    }

    @Query
    @Description("A creator by handle (case-insensitive), or null.")
    public Uni<Creator> creatorByHandle(@NonNull String handle) {
        String normalized = handle.strip().toLowerCase(Locale.ROOT);
        Access access = caller.access();
        return queries.byHandle(access, normalized).map(c -> toCreator(c, access));
    }

    @Query
    @Description("Creators, newest first, narrowed by the filter. `first` is 0..100 (default 20).")
    public Uni<Connection<@NonNull Creator>> creators(CreatorFilter filter, Integer first, String after) {
        Access access = caller.access();
        CreatorFilter f = filter == null ? new CreatorFilter(null, null, null, null, null, null) : filter;
        CreatorQueries.Criteria criteria = CreatorQueries.Criteria.of(f.genre(), f.tier(), f.verified(),
                f.region(), f.status(), f.search());
        PageRequest<Cursor.TimeAndId> page = PageRequest.of(first, after, Cursor.TimeAndId::decode);
        return queries.search(access, criteria, page, Selections.wants(context, "totalCount"))
                .map(result -> page.connection(result, c -> Creator.from(c, access),
                        c -> Cursor.TimeAndId.of(c.joinedAt(), c.id())));
    }

    /**
     * Federation entity resolver: all representations of one request in one call, in order; null for a creator
     * the caller may not see (a suspended one, but for staff and itself), as everywhere. Other subgraphs hold
     * creators by {@code ref} (see {@link Creator#ref()}), so a credit or a line-up slot of a suspended creator
     * answers null, its id included.
     */
    @Resolver
    public Uni<List<Creator>> creatorEntities(@Name("id") List<String> ids) {
        Access access = caller.access();
        List<UUID> parsed = ids.stream().map(Inputs::idOrNull).toList();
        return queries.byIds(access, parsed).map(rows -> rows.stream().map(c -> toCreator(c, access)).toList());
    }

    @Resolver
    public Uni<List<Creator>> creatorEntitiesByRef(@Name("ref") List<String> refs) {
        return creatorEntities(refs);
    }

    // --- batched fields of Creator

    @NonNull
    public Uni<List<@NonNull List<@NonNull CreatorAlias>>> aliases(@Source List<Creator> creators) {
        return batch(creators, queries::aliasesOf, CreatorAlias::from);
    }

    // --- mutations

    @Mutation
    @Description("Registers a creator as ACTIVE and EMERGING. CONFLICT when the handle is taken.")
    public Uni<@NonNull Creator> registerCreator(@NonNull RegisterCreatorInput input) {
        Access access = caller.access();
        return service.register(access, input).map(c -> Creator.from(c, access));
    }

    @Mutation
    public Uni<@NonNull Creator> updateCreatorProfile(@NonNull UpdateCreatorProfileInput input) {
        Access access = caller.access();
        return service.updateProfile(access, input).map(c -> Creator.from(c, access));
    }

    // ---

    /** The GraphQL creator of an entity as this caller sees it; null for null. */
    public static Creator toCreator(CreatorEntity entity, Access access) {
        return entity == null ? null : Creator.from(entity, access);
    }

    /** A batched field of creators: one load for all of them, answered in their order. */
    public static <E, T> Uni<List<List<T>>> batch(List<Creator> creators,
            Function<List<UUID>, Uni<Map<UUID, List<E>>>> load, Function<E, T> map) {
        List<UUID> ids = creators.stream().map(c -> UUID.fromString(c.id())).toList();
        return load.apply(ids).map(byCreator -> Batches.inOrder(ids, byCreator, map));
    }

}
