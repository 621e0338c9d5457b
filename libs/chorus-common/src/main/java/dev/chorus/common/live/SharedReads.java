package dev.chorus.common.live;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * Reads of a state shared by a process's subscribers: a read started after this process heard notice {@code n} of
 * a channel holds every change announced up to {@code n} (NOTIFY is sent after commit), so it answers every
 * subscriber who asks after a notice up to {@code n}. One hot work with 1,000 subscribers then costs one read per
 * change, not 1,000.
 */
public final class SharedReads<K, V> {
    /** States kept (the latest read of each key); beyond it the lot is dropped. */
    static final int MAX_KEYS = 1024;

    private record Read<V>(long after, Uni<V> value) {
    }

    private final Notifications notifications;
    private final String channel;
    private final Map<K, Read<V>> latest = new ConcurrentHashMap<>();

    public SharedReads(Notifications notifications, String channel) {
        this.notifications = notifications;
        this.channel = channel;
    }

    /** The state of {@code key} as read after notice {@code sequence} (0: any read started after nothing). */
    public Uni<V> after(K key, long sequence, Supplier<Uni<V>> read) {
        return Uni.createFrom().deferred(() -> {
            Read<V> last = latest.get(key);
            if (last != null && last.after() >= sequence) {
                return last.value();
            }
            if (latest.size() > MAX_KEYS) {
                latest.clear();
            }
            // what this process has heard before the read starts: the read holds at least that much
            Read<V> fresh = new Read<>(notifications.heard(channel), read.get().onFailure().invoke(
                    () -> latest.remove(key)).memoize().indefinitely());
            latest.merge(key, fresh, (old, now) -> old.after() >= now.after() ? old : now);
            return fresh.value();
        });
    }
}
