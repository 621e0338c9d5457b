package dev.chorus.events.venue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import dev.chorus.common.db.NestedPages;
import dev.chorus.common.db.Reads;
import dev.chorus.common.error.BadUserInputException;
import dev.chorus.common.graphql.Batches;
import dev.chorus.common.graphql.Selections;
import dev.chorus.common.input.Inputs;
import dev.chorus.common.relay.Connection;
import dev.chorus.common.relay.Cursors;
import dev.chorus.common.relay.PageRequest;
import dev.chorus.common.time.Times;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.mutiny.Uni;

/** Venues: few, simple, and read by events; their reads and one mutation live here. */
@GraphQLApi
public class VenueGraphQLApi {
    static final int VENUE_MAX = 100_000;
    private final Reads reads;
    private final Context context;

    public VenueGraphQLApi(Reads reads, Context context) {
        this.reads = reads;
        this.context = context;
    }

    /** The venues with these ids, in order, null where none exists. */
    public static Uni<List<VenueEntity>> byIds(Reads reads, List<UUID> ids) {
        List<UUID> known = NestedPages.parents(ids);
        if (known.isEmpty()) {
            return Uni.createFrom().item(() -> Batches.oneEach(ids, Map.<UUID, VenueEntity> of(), v -> v));
        }
        return reads.read(s -> s.createSelectionQuery("from VenueEntity where id in :ids", VenueEntity.class)
                .setParameter("ids", known).getResultList())
                .map(rows -> {
                    Map<UUID, VenueEntity> byId = new HashMap<>();
                    rows.forEach(v -> byId.put(v.id, v));
                    return Batches.oneEach(ids, byId, v -> v);
                });
    }

    @Query
    public Uni<Venue> venue(@Id @NonNull String id) {
        return Uni.createFrom().deferred(() -> {
            UUID key = Inputs.id("id", id);
            return reads.read(s -> s.find(VenueEntity.class, key));
        }).map(v -> v == null ? null : Venue.from(v));
    }

    @Query
    @Description("Venues by name, optionally in one city (case-insensitive).")
    public Uni<@NonNull Connection<@NonNull Venue>> venues(String city, Integer first, String after) {
        return Uni.createFrom().deferred(() -> {
            PageRequest page = PageRequest.of(first, after, 2);
            Map<String, Object> params = new LinkedHashMap<>();
            String where = "where true";
            if (city != null && !city.isBlank()) {
                where += " and lower(v.city) = lower(:city)";
                params.put("city", city.strip());
            }
            Map<String, Object> pageParams = new LinkedHashMap<>(params);
            String keyset = "";
            if (page.hasAfter()) {
                keyset = " and (v.name > :afterName or (v.name = :afterName and v.id > :afterId))";
                pageParams.put("afterName", page.after().get(0));
                pageParams.put("afterId", page.afterId(1));
            }
            String sql = "select v.* from venue v " + where + keyset + " order by v.name, v.id limit " + page.fetchSize();
            String countSql = "select count(*) from venue v " + where;
            Uni<List<VenueEntity>> rows = reads.read(s -> NestedPages.bind(s.createNativeQuery(sql, VenueEntity.class),
                    pageParams).getResultList());
            Uni<Long> total = !Selections.wants(context, "totalCount") ? Uni.createFrom().nullItem()
                    : reads.read(s -> NestedPages.bind(s.createNativeQuery(countSql, Long.class), params).getSingleResult());
            return Uni.combine().all().unis(rows, total).with((list, count) -> Connection.of(
                    list.stream().map(Venue::from).toList(), page, v -> Cursors.encode(v.name(), v.id()),
                    count == null ? null : Math.toIntExact(count)));
        });
    }

    @Resolver
    public Uni<List<Venue>> venueEntities(@Name("id") List<String> ids) {
        return byIds(reads, ids.stream().map(Inputs::idOrNull).toList())
                .map(rows -> rows.stream().map(v -> v == null ? null : Venue.from(v)).toList());
    }

    @Mutation
    public Uni<@NonNull Venue> createVenue(@NonNull CreateVenueInput input) {
        return Uni.createFrom().deferred(() -> {
            VenueEntity venue = new VenueEntity();
            venue.id = UUID.randomUUID();
            venue.name = Inputs.requiredLine("name", input.name(), 200);
            venue.city = Inputs.requiredLine("city", input.city(), 100);
            venue.address = Inputs.requiredLine("address", input.address(), 500);
            if (input.maxCapacity() < 1 || input.maxCapacity() > VENUE_MAX) {
                throw new BadUserInputException("maxCapacity", "maxCapacity must be between 1 and " + VENUE_MAX);
            }
            venue.maxCapacity = input.maxCapacity();
            venue.createdAt = Times.now();
            return Panache.withTransaction(() -> venue.persist().replaceWith(venue));
        }).map(Venue::from);
    }
}
