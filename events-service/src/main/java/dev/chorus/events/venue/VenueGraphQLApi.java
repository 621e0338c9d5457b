package dev.chorus.events.venue;

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

import dev.chorus.common.graphql.Selections;
import dev.chorus.common.input.Inputs;
import dev.chorus.common.relay.Connection;
import dev.chorus.common.relay.Cursor;
import dev.chorus.common.relay.PageRequest;
import dev.chorus.common.security.Caller;
import dev.chorus.events.city.City;
import dev.chorus.events.city.CityQueries;
import dev.chorus.events.city.CityRules;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.mutiny.Uni;

/** Venues in the graph: thin mapping to {@link VenueService} and {@link VenueQueries}. */
@GraphQLApi
public class VenueGraphQLApi {
    private final VenueService service;
    private final VenueQueries queries;
    private final Context context;

    private final Caller caller;

    private final CityQueries cities;

    public VenueGraphQLApi(VenueService service, VenueQueries queries, CityQueries cities, Context context,
            Caller caller) {
        this.cities = cities;
        this.caller = caller;
        this.service = service;
        this.queries = queries;
        this.context = context;
    }

    @Query
    public Uni<Venue> venue(@Id @NonNull String id) {
        return queries.byId(Inputs.id("id", id)).map(v -> v == null ? null : Venue.from(v));
    }

    @Query
    @Description("Venues by name, optionally in one city, named by any of its names (case-insensitive).")
    public Uni<Connection<@NonNull Venue>> venues(String city, Integer first, String after) {
        PageRequest<Cursor.TextAndId> page = PageRequest.of(first, after, Cursor.TextAndId::decode);
        String cityKey = CityRules.optionalLookup("city", city);
        return queries.search(cityKey, page, Selections.wants(context, "totalCount"))
                .map(slice -> page.connection(slice, Venue::from, v -> Cursor.TextAndId.of(v.name(), v.id())));
    }

    @Resolver
    public Uni<List<Venue>> venueEntities(@Name("id") List<String> ids) {
        return queries.byIds(ids.stream().map(Inputs::idOrNull).toList())
                .map(rows -> rows.stream().map(v -> v == null ? null : Venue.from(v)).toList());
    }

    @NonNull
    @Description("The city the venue is in, with its names in both scripts.")
    public Uni<List<@NonNull City>> city(@Source List<Venue> venues) {
        return cities.byIds(venues.stream().map(v -> UUID.fromString(v.cityId())).toList())
                .map(rows -> rows.stream().map(City::from).toList());
    }

    @Mutation
    public Uni<@NonNull Venue> createVenue(@NonNull CreateVenueInput input) {
        return service.create(caller.access(), input).map(Venue::from);
    }
}
