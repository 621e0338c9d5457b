package dev.chorus.creator.viewer;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import dev.chorus.common.security.Caller;

/** Lets a client see who it is to Chorus: the token it sent, as verified by the service. */
@GraphQLApi
public class ViewerGraphQLApi {
    private final Caller caller;

    public ViewerGraphQLApi(Caller caller) {
        this.caller = caller;
    }

    @Query
    @Description("Who is calling: anonymous, or the subject, roles and creator of the bearer token.")
    public Viewer viewer() {
        return new Viewer(caller.anonymous(), caller.subject(), List.copyOf(caller.roles()).stream().sorted().toList(),
                caller.creatorId());
    }
}
