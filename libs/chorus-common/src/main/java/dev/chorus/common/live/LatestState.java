package dev.chorus.common.live;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import dev.chorus.common.live.Notifications.Notice;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * A versioned state as a stream (seats, engagement totals): the current state first, then the state after each
 * notice, never older than one already sent (versions never go backwards), the same one sent again only after the
 * listener reconnected (so that the client knows it is current).
 */
public final class LatestState {
    private LatestState() {
    }

    private record Update<T>(T state, boolean resync) {
    }

    /**
     * Listens first, then reads the current state: a change between the two arrives as a notice (dropped if
     * older). {@code read} answers the state a notice announces (null: nothing to send).
     */
    public static <T> Multi<T> of(Multi<Notice> notices, Function<Notice, Uni<T>> read, Uni<T> current,
            ToLongFunction<T> version) {
        return Multi.createFrom().deferred(() -> {
            AtomicLong sent = new AtomicLong(-1);
            Multi<Update<T>> changes = notices.onItem().transformToUniAndConcatenate(
                    notice -> read.apply(notice).map(state -> new Update<>(state, notice.reconnected())));
            return Multi.createBy().merging().streams(changes, current.map(state -> new Update<>(state, false)).toMulti())
                    .filter(update -> update.state() != null && newer(sent, version.applyAsLong(update.state()),
                            update.resync()))
                    .map(Update::state);
        });
    }

    private static boolean newer(AtomicLong sent, long version, boolean resync) {
        long last;
        do {
            last = sent.get();
            if (version < last || version == last && !resync) {
                return false;
            }
        } while (!sent.compareAndSet(last, version));
        return true;
    }

    /**
     * At most one notice per period, however fast they come; none is lost: the one a period ends with stands for
     * all of its notices (a resync if any was one), so a state read after it is at least as new as the last.
     */
    public static Multi<Notice> coalesce(Multi<Notice> notices, Duration period) {
        return notices.group().intoLists().every(period).filter(list -> !list.isEmpty()).map(LatestState::merged);
    }

    private static Notice merged(List<Notice> notices) {
        Notice last = notices.get(notices.size() - 1);
        boolean reconnected = notices.stream().anyMatch(Notice::reconnected);
        boolean resync = notices.stream().anyMatch(Notice::resync);
        return resync ? new Notice(last.channel(), null, reconnected, last.sequence()) : last;
    }
}
