package dev.chorus.content.engagement;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.chorus.common.error.NotFoundException;
import dev.chorus.common.live.LatestState;
import dev.chorus.common.live.Notifications;
import dev.chorus.common.live.SharedReads;
import dev.chorus.common.security.Access;
import dev.chorus.content.work.WorkQueries;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * A work's engagement totals as a stream: the current totals first, then, while batches arrive, at most one
 * message per {@link #COALESCE} (the totals read after the last notice of the period, so the last message after a
 * burst holds the final totals). The work_engagement channel is fed by a trigger of engagement_daily. The totals
 * are read once per change for all of this process's subscribers of the work ({@link SharedReads}).
 */
@ApplicationScoped
public class EngagementFeed {
    static final String CHANNEL = "work_engagement";
    static final Duration COALESCE = Duration.ofMillis(250);

    private final Notifications notifications;
    private final WorkQueries works;
    private final EngagementService engagement;
    private final SharedReads<UUID, WorkEngagement> totals;

    public EngagementFeed(Notifications notifications, WorkQueries works, EngagementService engagement) {
        this.notifications = notifications;
        this.works = works;
        this.engagement = engagement;
        this.totals = new SharedReads<>(notifications, CHANNEL);
    }

    /** NOT_FOUND when the caller may not see the work, as the query would answer null. */
    public Multi<WorkEngagement> engagement(Access access, UUID workId) {
        String id = workId.toString();
        return works.byId(access, workId).onItem().ifNull().failWith(() -> new NotFoundException("workId",
                "no work with id " + workId)).onItem().transformToMulti(visible -> LatestState.of(
                        LatestState.coalesce(notifications.channel(CHANNEL).filter(
                                notice -> notice.resync() || id.equals(notice.payload())), COALESCE),
                        notice -> current(workId, notice.sequence()), current(workId, notifications.heard(CHANNEL)),
                        WorkEngagement::version));
    }

    /** The totals read after notice {@code sequence}, shared by this process's subscribers of the work. */
    private Uni<WorkEngagement> current(UUID workId, long sequence) {
        return totals.after(workId, sequence, () -> engagement.current(workId));
    }
}
