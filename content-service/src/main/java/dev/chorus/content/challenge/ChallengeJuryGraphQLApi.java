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
import dev.chorus.common.security.Access;
import dev.chorus.common.security.Caller;
import io.smallrye.mutiny.Uni;

/** A challenge's jury and results in the graph: thin mapping to the jury service and the queries. */
@GraphQLApi
public class ChallengeJuryGraphQLApi {
    private final ChallengeJuryService service;
    private final ChallengeQueries queries;
    private final Caller caller;

    public ChallengeJuryGraphQLApi(ChallengeJuryService service, ChallengeQueries queries, Caller caller) {
        this.service = service;
        this.queries = queries;
        this.caller = caller;
    }

    @NonNull
    @Description("The jury's criteria, in order.")
    public Uni<List<@NonNull List<@NonNull ChallengeCriterion>>> criteria(@Source List<Challenge> challenges) {
        List<UUID> ids = challenges.stream().map(c -> UUID.fromString(c.id())).toList();
        return queries.criteriaOf(ids).map(byId -> Batches.inOrder(ids, byId, k -> k));
    }

    @Description("The judges: staff only, null for everyone else.")
    public Uni<List<List<@NonNull ChallengeJudge>>> judges(@Source List<Challenge> challenges) {
        Access access = caller.access();
        List<UUID> ids = challenges.stream().map(c -> UUID.fromString(c.id())).toList();
        return queries.judgesOf(access, ids).map(byId -> ids.stream()
                .map(id -> access.staff() ? byId.getOrDefault(id, List.of()) : null).toList());
    }

    @Description("The published results, best first; null until staff publish them.")
    public Uni<List<List<@NonNull ChallengeResult>>> results(@Source List<Challenge> challenges) {
        List<UUID> ids = challenges.stream().map(c -> UUID.fromString(c.id())).toList();
        return queries.resultsOf(ids).map(byId -> challenges.stream()
                .map(c -> c.phase() == ChallengePhase.RESULTS ? byId.getOrDefault(UUID.fromString(c.id()), List.of())
                        : null)
                .toList());
    }

    @Description("The ranked entry; null when the caller may no longer see it (its work withdrawn since).")
    public Uni<List<ChallengeEntry>> entry(@Source List<ChallengeResult> results) {
        Access access = caller.access();
        return queries.entriesByIds(access, results.stream().map(r -> UUID.fromString(r.entryId())).toList())
                .map(rows -> rows.stream().map(e -> e == null ? null : ChallengeEntry.from(access, e)).toList());
    }

    @NonNull
    @Description("The jury's scores the caller may see: all for staff and, once the results are published, for "
            + "everyone; a judge's own before that; none for others.")
    public Uni<List<@NonNull List<@NonNull ChallengeScore>>> scores(@Source List<ChallengeEntry> entries) {
        List<UUID> ids = entries.stream().map(e -> UUID.fromString(e.id())).toList();
        return queries.scoresOf(caller.access(), ids).map(byId -> Batches.inOrder(ids, byId, score -> score));
    }

    @Mutation
    @Name("setChallengeCriteria") // SmallRye would drop the "set" of the method's name
    @Description("Staff: replaces the jury criteria, until judging begins.")
    public Uni<@NonNull List<@NonNull ChallengeCriterion>> setChallengeCriteria(@NonNull SetChallengeCriteriaInput input) {
        return service.setCriteria(caller.access(), input);
    }

    @Mutation
    @Description("Staff: appoints a judge (again: changes the creator they are), until the results.")
    public Uni<@NonNull ChallengeJudge> appointChallengeJudge(@NonNull AppointChallengeJudgeInput input) {
        return service.appoint(caller.access(), input);
    }

    @Mutation
    @Description("Staff: removes a judge and their scores, until the results.")
    public Uni<@NonNull Boolean> removeChallengeJudge(@NonNull RemoveChallengeJudgeInput input) {
        return service.remove(caller.access(), input.challengeId(), input.subject());
    }

    @Mutation
    @Description("A judge scores an ACTIVE entry on every criterion while the challenge is JUDGING; again replaces "
            + "their scores. A judge credited on the entry is recused (FORBIDDEN).")
    public Uni<@NonNull List<@NonNull ChallengeScore>> scoreChallengeEntry(@NonNull ScoreChallengeEntryInput input) {
        return service.score(caller.access(), input);
    }

    @Mutation
    @Description("Staff: computes, ranks and freezes the results once, after voting closes.")
    public Uni<@NonNull Challenge> publishChallengeResults(@NonNull ChallengeIdInput input) {
        return service.publish(caller.access(), input).map(Challenge::from);
    }
}
