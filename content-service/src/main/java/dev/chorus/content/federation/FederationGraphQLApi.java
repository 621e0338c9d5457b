package dev.chorus.content.federation;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;

import io.smallrye.graphql.api.federation.Resolver;

/**
 * The entities of other subgraphs that this one extends, as their keys only: resolving one costs nothing here
 * (whether the caller may see it is decided by its owner).
 */
@GraphQLApi
public class FederationGraphQLApi {
    @Resolver
    @Description("Creators are owned by creator-service; here they are only their key.")
    public List<Creator> creatorEntities(@Name("ref") List<String> refs) {
        return refs.stream().map(Creator::new).toList();
    }

    @Resolver
    @Description("Events are owned by events-service; here they are only their key.")
    public List<Event> eventEntities(@Name("ref") List<String> refs) {
        return refs.stream().map(Event::new).toList();
    }
}
