package dev.chorus.content.challenge;

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
import dev.chorus.content.work.Work;
import dev.chorus.content.work.WorkQueries;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Challenges in the graph: thin mapping to the service and the queries. */
@GraphQLApi
public class ChallengeGraphQLApi {
    private final ChallengeService service;
    private final ChallengeQueries queries;
    private final WorkQueries works;
    private final Context context;
    private final Caller caller;
    private final ChallengeActivityFeed activity;

    public ChallengeGraphQLApi(ChallengeService service, ChallengeQueries queries, WorkQueries works, Context context,
            Caller caller, ChallengeActivityFeed activity) {
        this.service = service;
        this.queries = queries;
        this.works = works;
        this.context = context;
        this.caller = caller;
        this.activity = activity;
    }

    @Query
    @Description("A challenge by id, or null. Anyone sees an announced challenge from its announce instant on; "
            + "staff see drafts too.")
    public Uni<Challenge> challenge(@Id @NonNull String id) {
        return queries.byId(caller.access(), Inputs.id("id", id)).map(c -> c == null ? null : Challenge.from(c));
    }

    @Query
    @Description("Challenges the caller may see, the latest to open first, by phase, host and kind of entry.")
    public Uni<Connection<@NonNull Challenge>> challenges(ChallengeFilter filter, Integer first, String after) {
        PageRequest<Cursor.TimeAndId> page = PageRequest.of(first, after, Cursor.TimeAndId::decode);
        return queries.search(caller.access(), filter, page, Selections.wants(context, "totalCount"))
                .map(slice -> page.connection(slice, Challenge::from,
                        c -> Cursor.TimeAndId.of(c.schedule().submissionsOpenAt(), c.id())));
    }

    @Subscription
    @Description("A challenge's activity: the current state first (CURRENT), then each entry submitted, withdrawn "
            + "or disqualified and each change of the challenge's state, and, for staff until the results are "
            + "published, the tallies as votes arrive (at most four messages a second). Refused (NOT_FOUND) for a "
            + "challenge the caller may not see.")
    public Multi<ChallengeActivity> challengeActivity(@Id @NonNull String challengeId) {
        Access access = caller.access();
        return caller.subscription(() -> activity.activity(access, Inputs.id("challengeId", challengeId)));
    }

    @Name("challenge")
    @Description("The challenge (as the caller may see it). Not batched: a subscription's message holds one.")
    public Uni<Challenge> challengeOfActivity(@Source ChallengeActivity message) {
        return queries.byId(caller.access(), UUID.fromString(message.challengeId())).map(c -> c == null ? null
                : Challenge.from(c));
    }

    @Description("The song to remix or cover; null when there is none or the caller may not see it.")
    public Uni<List<Work>> sourceWork(@Source List<Challenge> challenges) {
        return works.byIds(caller.access(), challenges.stream().map(c -> Inputs.idOrNull(c.sourceWorkId())).toList())
                .map(rows -> rows.stream().map(w -> w == null ? null : Work.from(w)).toList());
    }

    @Description("Its entries, the earliest submitted first: the ACTIVE ones on works the caller may see, and the "
            + "caller's own whatever their status; staff see all. status narrows them.")
    public Uni<List<@NonNull Connection<@NonNull ChallengeEntry>>> entries(@Source List<Challenge> challenges,
            ChallengeEntryStatus status, Integer first, String after) {
        Access access = caller.access();
        PageRequest<Cursor.TimeAndId> page = PageRequest.of(first, after, Cursor.TimeAndId::decode);
        List<UUID> ids = challenges.stream().map(c -> UUID.fromString(c.id())).toList();
        return queries.entriesOfChallenges(access, ids, status, page, Selections.wants(context, "totalCount"))
                .map(slices -> connections(access, ids, slices, page));
    }

    @Description("The caller's vote in this challenge; null when they have none (or are not signed in).")
    public Uni<List<ChallengeVote>> myVote(@Source List<Challenge> challenges) {
        List<UUID> ids = challenges.stream().map(c -> UUID.fromString(c.id())).toList();
        return queries.votesOf(caller.access(), ids).map(votes -> ids.stream().map(votes::get).toList());
    }

    @Description("The entry voted for; null when the caller may no longer see it.")
    public Uni<List<ChallengeEntry>> entry(@Source List<ChallengeVote> votes) {
        Access access = caller.access();
        return queries.entriesByIds(access, votes.stream().map(v -> UUID.fromString(v.entryId())).toList())
                .map(rows -> rows.stream().map(e -> e == null ? null : ChallengeEntry.from(access, e)).toList());
    }

    @Description("The challenge entered; null when the caller may not see it.")
    public Uni<List<Challenge>> challenge(@Source List<ChallengeEntry> entries) {
        return queries.byIds(caller.access(), entries.stream().map(e -> UUID.fromString(e.challengeId())).toList())
                .map(rows -> rows.stream().map(c -> c == null ? null : Challenge.from(c)).toList());
    }

    @Description("The work entered; null when the caller may not see it.")
    public Uni<List<Work>> work(@Source List<ChallengeEntry> entries) {
        return works.byIds(caller.access(), entries.stream().map(e -> UUID.fromString(e.workId())).toList())
                .map(rows -> rows.stream().map(w -> w == null ? null : Work.from(w)).toList());
    }

    @Description("Public votes for this entry: staff see the running tally, everyone else once the results are "
            + "published; null before that.")
    public Uni<List<Integer>> votes(@Source List<ChallengeEntry> entries) {
        List<UUID> ids = entries.stream().map(e -> UUID.fromString(e.id())).toList();
        return queries.tallies(caller.access(), ids).map(counts -> ids.stream().map(counts::get).toList());
    }

    @NonNull
    @Description("The challenges this work is entered in (entries the caller may see), the earliest first.")
    public Uni<List<@NonNull List<@NonNull ChallengeEntry>>> challengeEntries(@Source List<Work> works) {
        Access access = caller.access();
        List<UUID> ids = works.stream().map(w -> UUID.fromString(w.id())).toList();
        return queries.entriesOfWorks(access, ids).map(byWork -> Batches.inOrder(ids, byWork,
                e -> ChallengeEntry.from(access, e)));
    }

    @Description("This creator's challenge entries the caller may see (all of them for the creator and staff), "
            + "the latest first.")
    public Uni<List<@NonNull Connection<@NonNull ChallengeEntry>>> challengeEntries(@Source List<Creator> creators,
            Integer first, String after) {
        Access access = caller.access();
        PageRequest<Cursor.TimeAndId> page = PageRequest.of(first, after, Cursor.TimeAndId::decode);
        List<UUID> ids = creators.stream().map(c -> Inputs.idOrNull(c.ref())).toList();
        return queries.entriesOfCreators(access, ids, page, Selections.wants(context, "totalCount"))
                .map(slices -> connections(access, ids, slices, page));
    }

    private static List<Connection<ChallengeEntry>> connections(Access access, List<UUID> parents,
            Map<UUID, Slice<ChallengeEntryEntity>> slices, PageRequest<Cursor.TimeAndId> page) {
        return parents.stream().map(id -> page.connection(slices.getOrDefault(id, new Slice<>(List.of(), 0)),
                (ChallengeEntryEntity e) -> ChallengeEntry.from(access, e),
                e -> Cursor.TimeAndId.of(e.submittedAt(), e.id()))).toList();
    }

    @Mutation
    @Description("Staff: a new DRAFT challenge.")
    public Uni<@NonNull Challenge> createChallenge(@NonNull CreateChallengeInput input) {
        return service.create(caller.access(), input).map(Challenge::from);
    }

    @Mutation
    @Description("Staff: changes a challenge; its schedule, terms and time zone only while it is a DRAFT.")
    public Uni<@NonNull Challenge> updateChallenge(@NonNull UpdateChallengeInput input) {
        return service.update(caller.access(), input).map(Challenge::from);
    }

    @Mutation
    @Description("Staff: DRAFT to announced; its rules are fixed from then on. CONFLICT when not a DRAFT.")
    public Uni<@NonNull Challenge> announceChallenge(@NonNull ChallengeIdInput input) {
        return service.announce(caller.access(), input).map(Challenge::from);
    }

    @Mutation
    @Description("Staff: cancels a challenge with a reason, before its results.")
    public Uni<@NonNull Challenge> cancelChallenge(@NonNull CancelChallengeInput input) {
        return service.cancel(caller.access(), input).map(Challenge::from);
    }

    @Mutation
    @Description("A creator enters one of their works while submissions are OPEN (staff: for a creator).")
    public Uni<@NonNull ChallengeEntry> submitChallengeEntry(@NonNull SubmitChallengeEntryInput input) {
        Access access = caller.access();
        return service.submit(access, input).map(e -> ChallengeEntry.from(access, e));
    }

    @Mutation
    @Description("The entrant (or staff) withdraws an entry while submissions are OPEN.")
    public Uni<@NonNull ChallengeEntry> withdrawChallengeEntry(@NonNull ChallengeEntryIdInput input) {
        Access access = caller.access();
        return service.withdraw(access, input).map(e -> ChallengeEntry.from(access, e));
    }

    @Mutation
    @Description("Staff disqualify an ACTIVE entry with a reason its entrant sees.")
    public Uni<@NonNull ChallengeEntry> disqualifyChallengeEntry(@NonNull DisqualifyChallengeEntryInput input) {
        Access access = caller.access();
        return service.disqualify(access, input).map(e -> ChallengeEntry.from(access, e));
    }

    @Mutation
    @Description("A signed-in user's one vote in a challenge while it is VOTING; voting again moves it. A creator "
            + "cannot vote for an entry crediting them (FORBIDDEN).")
    public Uni<@NonNull ChallengeVote> castChallengeVote(@NonNull CastChallengeVoteInput input) {
        return service.vote(caller.access(), input);
    }
}
