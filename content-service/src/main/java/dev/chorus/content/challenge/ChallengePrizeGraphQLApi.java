package dev.chorus.content.challenge;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import dev.chorus.common.graphql.Batches;
import dev.chorus.common.input.Inputs;
import dev.chorus.common.security.Access;
import dev.chorus.common.security.Caller;
import dev.chorus.content.album.Album;
import dev.chorus.content.album.AlbumQueries;
import dev.chorus.content.federation.Event;
import io.smallrye.mutiny.Uni;

/** A challenge's prizes and their awards in the graph: thin mapping to the prize service and the queries. */
@GraphQLApi
public class ChallengePrizeGraphQLApi {
    private final ChallengePrizeService service;
    private final ChallengeQueries queries;
    private final AlbumQueries albums;
    private final Caller caller;

    public ChallengePrizeGraphQLApi(ChallengePrizeService service, ChallengeQueries queries, AlbumQueries albums,
            Caller caller) {
        this.service = service;
        this.queries = queries;
        this.albums = albums;
        this.caller = caller;
    }

    @NonNull
    @Description("The prizes, by rank (a rank may carry several).")
    public Uni<List<@NonNull List<@NonNull ChallengePrize>>> prizes(@Source List<Challenge> challenges) {
        List<UUID> ids = challenges.stream().map(c -> UUID.fromString(c.id())).toList();
        return queries.prizesOf(ids).map(byId -> Batches.inOrder(ids, byId, p -> p));
    }

    @Description("CONCERT_SLOT: the event (resolved by events-service; null when the caller may not see it).")
    public List<Event> event(@Source List<ChallengePrize> prizes) {
        return prizes.stream().map(p -> p.eventId() == null ? null : new Event(p.eventId())).toList();
    }

    @Description("ALBUM_TRACK: the album; null when the caller may not see it.")
    public Uni<List<Album>> album(@Source List<ChallengePrize> prizes) {
        return albums.byIds(caller.access(), prizes.stream().map(p -> Inputs.idOrNull(p.albumId())).toList())
                .map(rows -> rows.stream().map(a -> a == null ? null : Album.from(a)).toList());
    }

    @NonNull
    @Description("Every award of the prize, the first first: the entry at its rank when the results were published, "
            + "then, each time a winner forfeited, the entry it passed to.")
    public Uni<List<@NonNull List<@NonNull ChallengePrizeAward>>> awards(@Source List<ChallengePrize> prizes) {
        List<UUID> ids = prizes.stream().map(p -> UUID.fromString(p.id())).toList();
        return queries.awardsOf(caller.access(), ids).map(byId -> Batches.inOrder(ids, byId, a -> a));
    }

    @Description("Who holds the prize now (PENDING or FULFILLED); null before the results, or when every entry "
            + "it could pass to has forfeited it.")
    public Uni<List<ChallengePrizeAward>> award(@Source List<ChallengePrize> prizes) {
        List<UUID> ids = prizes.stream().map(p -> UUID.fromString(p.id())).toList();
        return queries.awardsOf(caller.access(), ids).map(byId -> ids.stream()
                .map(id -> byId.getOrDefault(id, List.of()).stream()
                        .filter(a -> a.state() != ChallengeAwardState.FORFEITED).findFirst().orElse(null))
                .toList());
    }

    @Description("The winning entry; null when the caller may not see it (its work withdrawn since, say).")
    public Uni<List<ChallengeEntry>> entry(@Source List<ChallengePrizeAward> awards) {
        Access access = caller.access();
        return queries.entriesByIds(access, awards.stream().map(a -> UUID.fromString(a.entryId())).toList())
                .map(rows -> rows.stream().map(e -> e == null ? null : ChallengeEntry.from(access, e)).toList());
    }

    @Mutation
    @Name("setChallengePrizes") // SmallRye would drop the "set" of the method's name
    @Description("Staff: replaces the prizes while the challenge is a DRAFT (entrants enter for the prizes "
            + "announced).")
    public Uni<@NonNull List<@NonNull ChallengePrize>> setChallengePrizes(@NonNull SetChallengePrizesInput input) {
        return service.setPrizes(caller.access(), input);
    }

    @Mutation
    @Description("Staff: a PENDING award is FULFILLED (an ALBUM_TRACK prize once the winning work is a track of its "
            + "album). Answers the prize.")
    public Uni<@NonNull ChallengePrize> fulfilChallengePrize(@NonNull ChallengeAwardInput input) {
        return service.fulfil(caller.access(), input);
    }

    @Mutation
    @Description("Staff: the winner of a PENDING award did not respond: it is FORFEITED and the prize passes to the "
            + "entry at the next rank that is still ACTIVE and has not held it. Answers the prize.")
    public Uni<@NonNull ChallengePrize> forfeitChallengePrize(@NonNull ChallengeAwardInput input) {
        return service.forfeit(caller.access(), input);
    }
}
