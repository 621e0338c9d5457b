package dev.chorus.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Scenario 4c: many subscribers on one event's seats through the gateway (graphql-transport-ws, as a browser),
 * while registrations race for the seats. Each message's delay is its arrival minus the change's time it carries
 * ({@code changedAt}: the changing statement's clock, just before its commit; one machine, one clock).
 */
final class LiveSeats {
    static final String SUBSCRIBE = "subscription($e: ID!) { eventSeats(eventId: $e) { seatsRemaining waitlistLength "
            + "version changedAt } }";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the subscribers saw. */
    record Outcome(int subscribers, int connected, long messages, int endedRight, long backwards, long errors,
            double p50, double p99, double max) {
        String describe(int remaining, int waitlist) {
            return String.format(Locale.ROOT, "%d subscribers (%d connected), %d messages; %d ended on %d seats "
                    + "remaining and %d waitlisted; versions backwards %d times; %d errors; from the change to the "
                    + "subscriber p50 %.0f ms, p99 %.0f ms, max %.0f ms", subscribers, connected, messages, endedRight,
                    remaining, waitlist, backwards, errors, p50, p99, max);
        }
    }

    /** One subscriber's connection and what it saw. */
    private static final class Subscriber implements WebSocket.Listener {
        final StringBuilder partial = new StringBuilder();
        final CompletableFuture<Void> first = new CompletableFuture<>();
        final CompletableFuture<WebSocket> initSent = new CompletableFuture<>();
        final List<Double> delays = new ArrayList<>();
        volatile JsonNode last;
        long lastVersion = -1;
        long backwards;
        long messages;
        long errors;
        WebSocket socket;

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean complete) {
            partial.append(data);
            if (complete) {
                Instant arrived = Instant.now();
                String text = partial.toString();
                partial.setLength(0);
                handle(ws, text, arrived);
            }
            ws.request(1);
            return null;
        }

        private synchronized void handle(WebSocket ws, String text, Instant arrived) {
            try {
                JsonNode message = JSON.readTree(text);
                String type = message.path("type").asText();
                if ("ping".equals(type)) {
                    ws.sendText("{\"type\":\"pong\"}", true);
                } else if ("connection_ack".equals(type)) {
                    // the JDK's WebSocket sends one message at a time: after the connection_init has been sent
                    String subscribe = JSON.writeValueAsString(java.util.Map.of("id", "1", "type", "subscribe",
                            "payload", java.util.Map.of("query", SUBSCRIBE, "variables", java.util.Map.of("e", event))));
                    initSent.thenCompose(open -> open.sendText(subscribe, true));
                } else if ("next".equals(type) && message.at("/payload/errors").isMissingNode()) {
                    JsonNode seats = message.at("/payload/data/eventSeats");
                    long version = seats.path("version").asLong();
                    if (version < lastVersion) {
                        backwards++;
                    }
                    lastVersion = Math.max(lastVersion, version);
                    if (messages++ > 0) { // the first is the state read at subscription, not a change
                        delays.add((double) ChronoUnit.MICROS.between(OffsetDateTime.parse(
                                seats.path("changedAt").asText()).toInstant(), arrived) / 1000.0);
                    }
                    last = seats;
                    first.complete(null);
                } else if (!"complete".equals(type)) {
                    errors++;
                    first.complete(null);
                }
            } catch (Exception e) {
                errors++;
            }
        }

        final String event;

        Subscriber(String event) {
            this.event = event;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            errors++;
            first.complete(null);
        }
    }

    private LiveSeats() {
    }

    /**
     * Connects {@code count} subscribers (50 at a time), runs {@code race} once every one has its first message,
     * then waits (at most two minutes) until every subscriber's last message shows the final seats.
     */
    static Outcome run(URI gateway, String event, int count, Runnable race, int remaining, int waitlist)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI ws = URI.create(gateway.toString().replaceFirst("^http", "ws"));
        List<Subscriber> subscribers = new ArrayList<>();
        AtomicInteger connected = new AtomicInteger();
        for (int start = 0; start < count; start += 50) {
            List<CompletableFuture<?>> batch = new ArrayList<>();
            for (int i = start; i < Math.min(count, start + 50); i++) {
                Subscriber s = new Subscriber(event);
                subscribers.add(s);
                batch.add(http.newWebSocketBuilder().subprotocols("graphql-transport-ws")
                        .connectTimeout(Duration.ofSeconds(30)).buildAsync(ws, s).thenCompose(socket -> {
                            s.socket = socket;
                            connected.incrementAndGet();
                            return socket.sendText("{\"type\":\"connection_init\",\"payload\":{}}", true)
                                    .thenApply(sent -> s.initSent.complete(sent));
                        }).thenCompose(sent -> s.first).exceptionally(e -> {
                            s.errors++;
                            return null;
                        }));
            }
            CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }
        race.run();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline && !subscribers.stream().allMatch(s -> ended(s, remaining, waitlist))) {
            Thread.sleep(100);
        }
        Thread.sleep(500); // anything after the final state would show here as a late message
        for (Subscriber s : subscribers) {
            if (s.socket != null) {
                s.socket.abort();
            }
        }
        double[] delays = subscribers.stream().flatMap(s -> s.delays.stream()).mapToDouble(Double::doubleValue).sorted()
                .toArray();
        return new Outcome(count, connected.get(), subscribers.stream().mapToLong(s -> s.messages).sum(),
                (int) subscribers.stream().filter(s -> ended(s, remaining, waitlist)).count(),
                subscribers.stream().mapToLong(s -> s.backwards).sum(), subscribers.stream().mapToLong(s -> s.errors).sum(),
                percentile(delays, 0.50), percentile(delays, 0.99), delays.length == 0 ? 0 : delays[delays.length - 1]);
    }

    private static boolean ended(Subscriber s, int remaining, int waitlist) {
        JsonNode last = s.last;
        return last != null && last.path("seatsRemaining").asInt() == remaining
                && last.path("waitlistLength").asInt() == waitlist;
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

}
