package dev.chorus.common.live;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;

/**
 * PostgreSQL's LISTEN/NOTIFY as streams, so that every replica of a service hears every committed change, whichever
 * replica made it (a trigger or the changing transaction calls {@code pg_notify}; PostgreSQL sends at commit). One
 * connection per process listens on every channel asked for; it reconnects for ever, a second apart. NOTIFY replays
 * nothing missed while disconnected, so after each (re)subscription a channel emits a {@link Notice#resync()}
 * notice: subscribers read the current state again.
 */
@ApplicationScoped
public class Notifications {
    private static final Logger LOG = Logger.getLogger(Notifications.class);
    static final Duration RECONNECT = Duration.ofSeconds(1);
    /** Notices one subscriber may fall behind by before its stream fails (it is then ended, not left stale). */
    static final int MAX_BEHIND = 10_000;

    /**
     * A payload on a channel; a null payload is a resync: the listener has just subscribed (what changed before it
     * did was not heard: read the state), or subscribed again after a lost connection ({@code reconnected}: send
     * the state even if unchanged, so that a client knows it is current).
     */
    public record Notice(String channel, String payload, boolean reconnected, long sequence) {
        public boolean resync() {
            return payload == null;
        }
    }

    /** This process's count of the notices heard on a channel: a notice's {@code sequence} is the count with it. */
    public long heard(String channel) {
        AtomicLong count = heard.get(channel);
        return count == null ? 0 : count.get();
    }

    private final Vertx vertx;
    private final Config config;
    private final Map<String, BroadcastProcessor<Notice>> channels = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> heard = new ConcurrentHashMap<>();
    private PgSubscriber subscriber;

    public Notifications(Vertx vertx, Config config) {
        this.vertx = vertx;
        this.config = config;
    }

    /**
     * The notices of one channel, for as long as the caller subscribes; hot: nothing before subscribing. Each
     * subscriber has its own buffer (a slow one does not hold up the others).
     */
    public Multi<Notice> channel(String name) {
        return channels.computeIfAbsent(name, this::listen).onOverflow().buffer(MAX_BEHIND);
    }

    private synchronized BroadcastProcessor<Notice> listen(String name) {
        BroadcastProcessor<Notice> processor = BroadcastProcessor.create();
        AtomicBoolean subscribed = new AtomicBoolean();
        AtomicLong count = heard.computeIfAbsent(name, k -> new AtomicLong());
        PgSubscriber connection = subscriber();
        connection.channel(name)
                .subscribeHandler(v -> processor.onNext(new Notice(name, null, subscribed.getAndSet(true),
                        count.incrementAndGet())))
                .handler(payload -> processor.onNext(new Notice(name, payload, false, count.incrementAndGet())));
        return processor;
    }

    private synchronized PgSubscriber subscriber() {
        if (subscriber == null) {
            PgConnectOptions options = PgConnectOptions.fromUri(config.getValue("quarkus.datasource.reactive.url",
                    String.class));
            options.setUser(config.getValue("quarkus.datasource.username", String.class));
            config.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(options::setPassword);
            subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(attempt -> RECONNECT.toMillis());
            subscriber.closeHandler(v -> LOG.warn("the notification listener lost its database connection; "
                    + "reconnecting"));
            connect();
        }
        return subscriber;
    }

    /** The first connection, tried again a second later until it succeeds (the policy covers later losses). */
    private void connect() {
        subscriber.connect().onFailure(e -> {
            LOG.warnf("the notification listener could not connect (%s); retrying", e.getMessage());
            vertx.setTimer(RECONNECT.toMillis(), t -> connect());
        });
    }

    @PreDestroy
    synchronized void close() {
        if (subscriber != null) {
            subscriber.close();
        }
    }
}
