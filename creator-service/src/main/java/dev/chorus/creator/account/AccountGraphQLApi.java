package dev.chorus.creator.account;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.chorus.common.security.Access;
import dev.chorus.common.security.Caller;
import dev.chorus.creator.creator.Creator;
import dev.chorus.creator.creator.CreatorGraphQLApi;
import io.smallrye.mutiny.Uni;

/** A creator's accounts on the two platforms: the lookup by account, the field, linking and unlinking. */
@GraphQLApi
public class AccountGraphQLApi {
    private final AccountService service;
    private final AccountQueries queries;
    private final Caller caller;

    public AccountGraphQLApi(AccountService service, AccountQueries queries, Caller caller) {
        this.service = service;
        this.queries = queries;
        this.caller = caller;
    }

    @Query
    @Description("The creator who owns this platform account, or null.")
    public Uni<Creator> creatorByPlatformAccount(@NonNull Platform platform, @NonNull String externalId) {
        Access access = caller.access();
        return queries.ownerOf(access, platform, externalId).map(c -> CreatorGraphQLApi.toCreator(c, access));
    }

    @NonNull
    public Uni<List<@NonNull List<@NonNull PlatformAccount>>> platformAccounts(@Source List<Creator> creators) {
        return CreatorGraphQLApi.batch(creators, queries::accountsOf, PlatformAccount::from);
    }

    @Mutation
    @Description("Links a platform account. Linking the same account again changes nothing; CONFLICT when the "
            + "account belongs to another creator or the creator already has an account on that platform.")
    public Uni<@NonNull Creator> linkPlatformAccount(@NonNull LinkPlatformAccountInput input) {
        Access access = caller.access();
        return service.linkPlatformAccount(access, input).map(c -> Creator.from(c, access));
    }

    @Mutation
    public Uni<@NonNull Creator> unlinkPlatformAccount(@NonNull UnlinkPlatformAccountInput input) {
        Access access = caller.access();
        return service.unlinkPlatformAccount(access, input).map(c -> Creator.from(c, access));
    }
}
