package dev.chorus.events.city;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.chorus.common.graphql.Batches;
import dev.chorus.common.security.Caller;
import io.smallrye.mutiny.Uni;

/** Cities in the graph: thin mapping to {@link CityService} and {@link CityQueries}. */
@GraphQLApi
public class CityGraphQLApi {
    private final CityService service;
    private final CityQueries queries;
    private final Caller caller;

    public CityGraphQLApi(CityService service, CityQueries queries, Caller caller) {
        this.service = service;
        this.queries = queries;
        this.caller = caller;
    }

    @Query
    @NonNull
    @Description("Every city events take place in, by canonical name: the names filters and new venues accept.")
    public Uni<List<@NonNull City>> cities() {
        return queries.all().map(rows -> rows.stream().map(City::from).toList());
    }

    @Query
    @Description("The city one of whose names this is (case-insensitive, any script), or null.")
    public Uni<City> city(@NonNull String name) {
        return queries.byKey(CityRules.lookup("name", name)).map(c -> c == null ? null : City.from(c));
    }

    @NonNull
    @Description("Other names the city goes by (traditional characters, older spellings), in order.")
    public Uni<List<@NonNull List<@NonNull String>>> aliases(@Source List<City> cities) {
        List<UUID> ids = cities.stream().map(c -> UUID.fromString(c.id())).toList();
        return queries.aliasesOf(ids).map(byCity -> Batches.inOrder(ids, byCity, n -> n.name));
    }

    @Mutation
    @Description("Adds a city with its names; a name that is already some city's is CONFLICT. Staff only.")
    public Uni<@NonNull City> addCity(@NonNull AddCityInput input) {
        return service.add(caller.access(), input).map(City::from);
    }
}
