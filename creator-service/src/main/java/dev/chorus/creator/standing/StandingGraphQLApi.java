package dev.chorus.creator.standing;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import dev.chorus.common.graphql.Batches;
import dev.chorus.common.security.Access;
import dev.chorus.common.security.Caller;
import dev.chorus.creator.creator.Creator;
import io.smallrye.mutiny.Uni;

/** A creator's standing in the programme: verification, tier and its history, suspension. */
@GraphQLApi
public class StandingGraphQLApi {
    private final StandingService service;
    private final StandingQueries queries;
    private final Caller caller;

    public StandingGraphQLApi(StandingService service, StandingQueries queries, Caller caller) {
        this.service = service;
        this.queries = queries;
        this.caller = caller;
    }

    @Description("Tier changes, newest first; the last one is the tier given at registration. Only for staff and "
            + "the creator itself; null for others.")
    public Uni<List<List<@NonNull TierChange>>> tierHistory(@Source List<Creator> creators) {
        Access access = caller.access();
        List<UUID> ids = creators.stream().map(c -> UUID.fromString(c.id())).toList();
        Set<UUID> own = ids.stream().filter(access::staffOr).collect(Collectors.toSet());
        return Batches.onlyFor(ids, own, queries::tierHistoriesOf, TierChange::from);
    }

    @Mutation
    public Uni<@NonNull Creator> verifyCreator(@NonNull VerifyCreatorInput input) {
        Access access = caller.access();
        return service.verify(access, input.id()).map(c -> Creator.from(c, access));
    }

    @Mutation
    @Description("Moves a creator to another tier; the change and its reason go into the tier history.")
    public Uni<@NonNull Creator> changeCreatorTier(@NonNull ChangeCreatorTierInput input) {
        Access access = caller.access();
        return service.changeTier(access, input).map(c -> Creator.from(c, access));
    }

    @Mutation
    public Uni<@NonNull Creator> suspendCreator(@NonNull SuspendCreatorInput input) {
        Access access = caller.access();
        return service.suspend(access, input.id(), input.reason()).map(c -> Creator.from(c, access));
    }

    @Mutation
    public Uni<@NonNull Creator> reinstateCreator(@NonNull ReinstateCreatorInput input) {
        Access access = caller.access();
        return service.reinstate(access, input.id()).map(c -> Creator.from(c, access));
    }
}
