package dev.chorus.content.challenge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.chorus.common.error.NotFoundException;
import dev.chorus.common.live.Notifications;
import dev.chorus.common.live.Notifications.Notice;
import dev.chorus.common.security.Access;
import dev.chorus.content.work.WorkQueries;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/**
 * A challenge's activity as a stream, from the challenge_activity channel (triggers of challenge_entry,
 * challenge_vote and challenge send it, whichever replica made the change): the current state first, then each
 * entry submitted, withdrawn or disqualified, each change of the challenge's state, and votes, gathered per
 * {@link #COALESCE} (one message for a burst, with the tallies read after it), for those who may see tallies.
 */
@ApplicationScoped
public class ChallengeActivityFeed {
    static final String CHANNEL = "challenge_activity";
    static final Duration COALESCE = Duration.ofMillis(250);

    private record Change(ChallengeActivityChange kind, UUID entryId) {
    }

    private final Notifications notifications;
    private final ChallengeQueries queries;
    private final WorkQueries works;

    public ChallengeActivityFeed(Notifications notifications, ChallengeQueries queries, WorkQueries works) {
        this.notifications = notifications;
        this.queries = queries;
        this.works = works;
    }

    /** NOT_FOUND when the caller may not see the challenge, as the query would answer null. */
    public Multi<ChallengeActivity> activity(Access access, UUID challengeId) {
        String id = challengeId.toString();
        return queries.byId(access, challengeId).onItem().ifNull().failWith(() -> new NotFoundException(
                "challengeId", "no challenge with id " + challengeId)).onItem().transformToMulti(visible -> {
                    Multi<List<Notice>> notices = notifications.channel(CHANNEL)
                            .filter(notice -> notice.resync() || id.equals(json(notice).getString("challenge")))
                            .group().intoLists().every(COALESCE).filter(list -> !list.isEmpty());
                    // the current state first; the channel is listened to before it is read
                    return Multi.createBy().concatenating().streams(
                            Multi.createFrom().item(List.of(new Notice(CHANNEL, null, false, 0))), notices)
                            .onItem().transformToIterable(list -> changes(list, access.staff()))
                            .onItem().transformToUniAndConcatenate(change -> message(access, challengeId, change))
                            .filter(Objects::nonNull);
                });
    }

    /** The changes a period's notices make: entries and states in order, one CURRENT, votes once at the end. */
    private static List<Change> changes(List<Notice> notices, boolean staff) {
        List<Change> changes = new ArrayList<>();
        boolean votes = false;
        boolean current = false;
        for (Notice notice : notices) {
            if (notice.resync()) {
                if (!current) {
                    changes.add(new Change(ChallengeActivityChange.CURRENT, null));
                }
                current = true;
                continue;
            }
            JsonObject json = json(notice);
            ChallengeActivityChange kind = ChallengeActivityChange.valueOf(json.getString("change"));
            if (kind == ChallengeActivityChange.VOTES) {
                votes = true;
            } else {
                String entry = json.getString("entry");
                changes.add(new Change(kind, entry == null ? null : UUID.fromString(entry)));
            }
        }
        // tallies move only before the results, when only staff may see them; CURRENT already holds them
        if (votes && staff && !current) {
            changes.add(new Change(ChallengeActivityChange.VOTES, null));
        }
        return changes;
    }

    private static JsonObject json(Notice notice) {
        return new JsonObject(notice.payload());
    }

    /** The message for one change, read now; null when it concerns an entry on a work the caller may not see. */
    private Uni<ChallengeActivity> message(Access access, UUID challengeId, Change change) {
        Uni<List<ChallengeTally>> tallies = queries.talliesOf(access, challengeId);
        if (change.entryId() == null) {
            return tallies.map(t -> new ChallengeActivity(change.kind(), null, null, t, challengeId.toString()));
        }
        return queries.entryById(change.entryId()).chain(raw -> raw == null ? Uni.createFrom().nullItem()
                : Uni.combine().all().unis(works.byId(access, raw.workId),
                        queries.entriesByIds(access, List.of(raw.id)), tallies).with((work, visible, t) -> {
                            ChallengeEntryEntity entry = visible.get(0);
                            if (work == null && entry == null) {
                                return null;
                            }
                            return new ChallengeActivity(change.kind(), raw.id.toString(),
                                    entry == null ? null : ChallengeEntry.from(access, entry), t,
                                    challengeId.toString());
                        }));
    }
}
