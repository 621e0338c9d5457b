package dev.chorus.content.engagement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.DefaultValue;
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
import dev.chorus.content.work.Work;
import dev.chorus.content.work.WorkQueries;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Engagement in the graph: ingestion, per-work totals and series, trending works, programme statistics. */
@GraphQLApi
public class EngagementGraphQLApi {
    private final EngagementService service;
    private final WorkQueries works;
    private final Context context;

    private final Caller caller;
    private final EngagementFeed feed;

    public EngagementGraphQLApi(EngagementService service, WorkQueries works, Context context, Caller caller,
            EngagementFeed feed) {
        this.service = service;
        this.works = works;
        this.context = context;
        this.caller = caller;
        this.feed = feed;
    }

    @Subscription
    @Description("A work's engagement totals: the current totals first, then at most four messages a second while "
            + "batches arrive, the last after a burst holding the final totals; versions only grow. Refused "
            + "(NOT_FOUND) for a work the caller may not see.")
    public Multi<WorkEngagement> workEngagement(@Id @NonNull String workId) {
        Access access = caller.access();
        return caller.subscription(() -> feed.engagement(access, Inputs.id("workId", workId)));
    }

    @Name("work")
    @Description("The work (as the caller may see it). Not batched: a subscription's message holds one.")
    public Uni<Work> workOfEngagement(@Source WorkEngagement engagement) {
        return works.byId(caller.access(), UUID.fromString(engagement.workId())).map(w -> w == null ? null
                : Work.from(w));
    }

    @Mutation
    @Description("Adds a batch of per-work increments for one day, atomically; NOT_FOUND names an unknown work "
            + "and then nothing is added. Only for the ingestion service account.")
    public Uni<@NonNull EngagementBatch> recordEngagement(@NonNull RecordEngagementInput input) {
        return service.record(caller.access(), input);
    }

    @NonNull
    @Description("Engagement over all days.")
    public Uni<List<@NonNull Counts>> engagement(@Source List<Work> source) {
        List<UUID> ids = source.stream().map(w -> UUID.fromString(w.id())).toList();
        return service.totals(ids).map(totals -> ids.stream().map(id -> totals.getOrDefault(id, Counts.ZERO)).toList());
    }

    @NonNull
    @Description("Engagement per day from `from` to `to` (inclusive, at most 366 days), zeros included.")
    public Uni<List<@NonNull List<@NonNull EngagementDay>>> engagementSeries(@Source List<Work> source,
            @NonNull LocalDate from, @NonNull LocalDate to) {
        List<UUID> ids = source.stream().map(w -> UUID.fromString(w.id())).toList();
        return service.series(ids, from, to).map(series -> ids.stream().map(series::get).toList());
    }

    @Query
    @Description("PUBLISHED works ranked by a metric summed over the period (inclusive, at most 366 days).")
    public Uni<Connection<@NonNull TrendingWork>> trendingWorks(@NonNull LocalDate from, @NonNull LocalDate to,
            @DefaultValue("PLAYS") EngagementMetric metric, Integer first, String after) {
        PageRequest<Cursor.Number> page = PageRequest.of(first, after, Cursor.Number::decode);
        int offset = PageRequest.offset(page);
        Uni<Integer> total = Selections.wants(context, "totalCount") ? service.trendingCount(from, to)
                : Uni.createFrom().nullItem();
        return Uni.combine().all().unis(service.trending(from, to, metric, offset, page.fetchSize()), total)
                .with((rows, count) -> Connection.byPosition(rows, page, count));
    }

    @NonNull
    public Uni<List<@NonNull Work>> work(@Source List<TrendingWork> trending) {
        return works.byIds(trending.stream().map(t -> UUID.fromString(t.workId())).toList())
                .map(rows -> rows.stream().map(Work::from).toList());
    }

    @Query
    @Description("Original works published per month and total engagement over the period (inclusive).")
    public Uni<ProgrammeStatistics> programmeStatistics(@NonNull LocalDate from, @NonNull LocalDate to) {
        return service.statistics(from, to);
    }
}
