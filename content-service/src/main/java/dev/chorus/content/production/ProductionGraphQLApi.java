package dev.chorus.content.production;

import java.time.OffsetDateTime;
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

import dev.chorus.common.graphql.Selections;
import dev.chorus.common.input.Inputs;
import dev.chorus.common.relay.Connection;
import dev.chorus.common.relay.Cursor;
import dev.chorus.common.relay.PageRequest;
import dev.chorus.common.security.Access;
import dev.chorus.common.security.Caller;
import dev.chorus.common.time.Times;
import dev.chorus.content.challenge.ChallengePrizeAward;
import dev.chorus.content.federation.Creator;
import dev.chorus.content.work.Work;
import dev.chorus.content.work.WorkQueries;
import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;

/** Music-video productions in the graph: thin mapping to the service and the queries. */
@GraphQLApi
public class ProductionGraphQLApi {
    private final ProductionService service;
    private final ProductionQueries queries;
    private final WorkQueries works;
    private final Context context;
    private final Caller caller;

    public ProductionGraphQLApi(ProductionService service, ProductionQueries queries, WorkQueries works,
            Context context, Caller caller) {
        this.service = service;
        this.queries = queries;
        this.works = works;
        this.context = context;
        this.caller = caller;
    }

    // --- queries

    @Query
    @Description("A production by id, or null: staff see all, the artist and the shortlisted directors theirs, "
            + "anyone the released ones.")
    public Uni<Production> production(@Id @NonNull String id) {
        return queries.byIds(caller.access(), List.of(Inputs.id("id", id)))
                .map(views -> views.get(0) == null ? null : Production.from(views.get(0)));
    }

    @Query
    @Description("Productions the caller may see, the newest first, by stage, overdue, artist and director.")
    public Uni<Connection<@NonNull Production>> productions(ProductionFilter filter, Integer first, String after) {
        PageRequest<Cursor.TimeAndId> page = PageRequest.of(first, after, Cursor.TimeAndId::decode);
        return queries.search(caller.access(), filter, page, Selections.wants(context, "totalCount"))
                .map(slice -> page.connection(slice, Production::from,
                        p -> Cursor.TimeAndId.of(p.createdAt(), p.id())));
    }

    // --- batched fields

    @Description("The song; null when the caller may not see it.")
    public Uni<List<Work>> song(@Source List<Production> productions) {
        return works.byIds(caller.access(), productions.stream().map(p -> UUID.fromString(p.workId())).toList())
                .map(rows -> rows.stream().map(w -> w == null ? null : Work.from(w)).toList());
    }

    @Description("The music video, once DELIVERED; null when the caller may not see it (until it is published).")
    public Uni<List<Work>> video(@Source List<Production> productions) {
        return works.byIds(caller.access(), productions.stream().map(p -> Inputs.idOrNull(p.videoWorkId())).toList())
                .map(rows -> rows.stream().map(w -> w == null ? null : Work.from(w)).toList());
    }

    @Description("When each stage is due; taking part only.")
    public Uni<List<List<@NonNull ProductionDue>>> dueDates(@Source List<Production> productions) {
        return queries.dueDatesOf(ids(productions)).map(byId -> productions.stream()
                .map(p -> p.access().takesPart() ? byId.getOrDefault(UUID.fromString(p.id()), List.of()) : null)
                .toList());
    }

    @Description("Whether the current stage is past its due date; taking part only.")
    public Uni<List<Boolean>> overdue(@Source List<Production> productions) {
        OffsetDateTime now = Times.now();
        return queries.dueDatesOf(ids(productions)).map(byId -> productions.stream().map(p -> {
            if (!p.access().takesPart()) {
                return null;
            }
            return (Boolean) byId.getOrDefault(UUID.fromString(p.id()), List.of()).stream()
                    .anyMatch(d -> d.stage() == p.stage() && d.dueAt().isBefore(now));
        }).toList());
    }

    @Description("The shortlisted directors and their pitches: all for staff and the artist, a director their "
            + "own; null for others.")
    public Uni<List<List<@NonNull ShortlistedDirector>>> shortlist(@Source List<Production> productions) {
        Access access = caller.access();
        return queries.shortlistsOf(ids(productions)).map(byId -> productions.stream().map(p -> {
            if (!p.access().takesPart()) {
                return (List<ShortlistedDirector>) null;
            }
            return byId.getOrDefault(UUID.fromString(p.id()), List.of()).stream()
                    .filter(d -> p.access().allPitches() || d.creatorId().equals(access.creatorId()))
                    .map(ProductionQueries.ShortlistedDirectorRow::director).toList();
        }).toList());
    }

    @Description("The cuts, by version: staff, the artist and the director; null for others.")
    public Uni<List<List<@NonNull ProductionCut>>> cuts(@Source List<Production> productions) {
        return queries.cutsOf(ids(productions)).map(byId -> productions.stream()
                .map(p -> p.access().crew() ? byId.getOrDefault(UUID.fromString(p.id()), List.of()) : null).toList());
    }

    @Description("The delivered cut: staff, the artist and the director.")
    public Uni<List<ProductionCut>> finalCut(@Source List<Production> productions) {
        return queries.cutsByIds(productions.stream().map(p -> Inputs.idOrNull(p.finalCutId())).toList())
                .map(byId -> productions.stream().map(p -> p.finalCutId() == null ? null
                        : byId.getOrDefault(UUID.fromString(p.finalCutId()), List.of()).stream().findFirst()
                                .orElse(null)).toList());
    }

    @NonNull
    @Description("The artist's and staff's notes on the cut, the first first.")
    public Uni<List<@NonNull List<@NonNull CutFeedback>>> feedback(@Source List<ProductionCut> cuts) {
        List<UUID> ids = cuts.stream().map(c -> UUID.fromString(c.id())).toList();
        return queries.feedbackOf(ids).map(byId -> ids.stream().map(id -> byId.getOrDefault(id, List.of())).toList());
    }

    @Description("Every step, the first first: who, when, from which stage to which, the note; taking part only.")
    public Uni<List<List<@NonNull ProductionStep>>> history(@Source List<Production> productions) {
        return queries.historyOf(ids(productions)).map(byId -> productions.stream()
                .map(p -> p.access().takesPart() ? byId.getOrDefault(UUID.fromString(p.id()), List.of()) : null)
                .toList());
    }

    @NonNull
    @Description("The music-video productions of this song the caller may see, the newest first.")
    @Name("productions")
    public Uni<List<@NonNull List<@NonNull Production>>> productionsOfWorks(@Source List<Work> works) {
        List<UUID> ids = works.stream().map(w -> UUID.fromString(w.id())).toList();
        return queries.ofWorks(caller.access(), ids).map(byId -> lists(ids, byId));
    }

    @NonNull
    @Description("The productions this creator is the artist or the director of, that the caller may see.")
    @Name("productions")
    public Uni<List<@NonNull List<@NonNull Production>>> productionsOfCreators(@Source List<Creator> creators) {
        List<UUID> ids = creators.stream().map(c -> Inputs.idOrNull(c.ref())).toList();
        return queries.ofCreators(caller.access(), ids).map(byId -> lists(ids, byId));
    }

    @Description("The production opened from this award (an MV_PRODUCTION prize), which fulfilled it; null when "
            + "none or the caller may not see it.")
    @Name("production")
    public Uni<List<Production>> productionOfAwards(@Source List<ChallengePrizeAward> awards) {
        return queries.byIds(caller.access(), awards.stream().map(a -> Inputs.idOrNull(a.productionId())).toList())
                .map(views -> views.stream().map(v -> v == null ? null : Production.from(v)).toList());
    }

    /** A staff mutation's production, as staff see it. */
    private static Uni<Production> asStaff(Uni<ProductionEntity> changed) {
        return changed.map(p -> Production.from(p, ProductionAccess.STAFF));
    }

    private static List<UUID> ids(List<Production> productions) {
        return productions.stream().map(p -> UUID.fromString(p.id())).toList();
    }

    private static List<List<Production>> lists(List<UUID> ids, Map<UUID, List<ProductionQueries.View>> byId) {
        return ids.stream().map(id -> id == null ? List.<Production> of()
                : byId.getOrDefault(id, List.of()).stream().map(Production::from).toList()).toList();
    }

    // --- mutations

    @Mutation
    @Description("Staff: opens a production (BRIEF) for a PUBLISHED audio work and its artist, from a challenge's "
            + "MV_PRODUCTION award (fulfilling it) or a programme selection.")
    public Uni<@NonNull Production> openProduction(@NonNull OpenProductionInput input) {
        return asStaff(service.open(caller.access(), input));
    }

    @Mutation
    @Description("Staff: BRIEF to PITCHING, with 1 to 5 shortlisted directors.")
    public Uni<@NonNull Production> shortlistProductionDirectors(@NonNull ShortlistDirectorsInput input) {
        return asStaff(service.shortlist(caller.access(), input));
    }

    @Mutation
    @Description("A shortlisted director's one pitch while PITCHING (staff may submit it for them).")
    public Uni<@NonNull Production> submitProductionPitch(@NonNull SubmitPitchInput input) {
        Access access = caller.access();
        return service.pitch(access, input).map(p -> Production.from(p, ProductionAccess.of(access, p, true)));
    }

    @Mutation
    @Description("Staff: PITCHING to TREATMENT_APPROVED, a submitted pitch approved and its director the "
            + "production's.")
    public Uni<@NonNull Production> approveProductionPitch(@NonNull ApprovePitchInput input) {
        return asStaff(service.approvePitch(caller.access(), input));
    }

    @Mutation
    @Description("Staff: approves the budget while TREATMENT_APPROVED (again replaces it).")
    public Uni<@NonNull Production> approveProductionBudget(@NonNull ApproveBudgetInput input) {
        return asStaff(service.approveBudget(caller.access(), input));
    }

    @Mutation
    @Description("Staff: TREATMENT_APPROVED to PRE_PRODUCTION, once the budget is approved.")
    public Uni<@NonNull Production> startPreProduction(@NonNull ProductionStepInput input) {
        return asStaff(service.startPreProduction(caller.access(), input));
    }

    @Mutation
    @Description("Staff: PRE_PRODUCTION to SHOOTING.")
    public Uni<@NonNull Production> startShooting(@NonNull ProductionStepInput input) {
        return asStaff(service.startShooting(caller.access(), input));
    }

    @Mutation
    @Description("Staff: SHOOTING to EDITING.")
    public Uni<@NonNull Production> startEditing(@NonNull ProductionStepInput input) {
        return asStaff(service.startEditing(caller.access(), input));
    }

    @Mutation
    @Description("Staff or the director: a cut while EDITING, numbered after the last.")
    public Uni<@NonNull ProductionCut> addProductionCut(@NonNull AddCutInput input) {
        return service.addCut(caller.access(), input);
    }

    @Mutation
    @Description("The artist or staff: a note on a cut while EDITING.")
    public Uni<@NonNull CutFeedback> leaveCutFeedback(@NonNull CutFeedbackInput input) {
        return service.feedback(caller.access(), input);
    }

    @Mutation
    @Description("Staff: EDITING to DELIVERED, naming the final cut and the music-video work.")
    public Uni<@NonNull Production> deliverProduction(@NonNull DeliverProductionInput input) {
        return asStaff(service.deliver(caller.access(), input));
    }

    @Mutation
    @Description("Staff: DELIVERED to RELEASED, once the video is PUBLISHED and LIVE on a platform.")
    public Uni<@NonNull Production> releaseProduction(@NonNull ProductionStepInput input) {
        return asStaff(service.release(caller.access(), input));
    }

    @Mutation
    @Description("Staff: cancels a production before it is released, with a reason.")
    public Uni<@NonNull Production> cancelProduction(@NonNull CancelProductionInput input) {
        return asStaff(service.cancel(caller.access(), input));
    }

    @Mutation
    @Name("setProductionDueDates") // SmallRye would drop the "set" of the method's name
    @Description("Staff: replaces the due dates, until released or cancelled.")
    public Uni<@NonNull Production> setProductionDueDates(@NonNull SetProductionDueDatesInput input) {
        return asStaff(service.setDueDates(caller.access(), input));
    }
}
