package dev.chorus.common.warmup;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Warm before traffic (issue 16). A fresh JVM interprets, then compiles what it runs often: under load a service
 * reaches its steady speed only after minutes and is several times slower meanwhile. With
 * {@code CHORUS_WARMUP_SECONDS} above 0 a service sends its own representative reads ({@link WarmupRequests}) to
 * itself for that long, from two threads, and this readiness check stays DOWN until they are done, so that
 * Kubernetes sends a new pod no traffic while it is cold. A warm-up that cannot run (no data yet, an error) ends
 * early and never keeps the service from becoming ready.
 */
@Readiness
@ApplicationScoped
public class Warmup implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(Warmup.class);
    private static final int THREADS = 2;

    private final int seconds;
    private final int port;
    private final WarmupRequests source;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean done;
    private volatile String state = "not started";

    @Inject
    public Warmup(@ConfigProperty(name = "chorus.warmup.seconds", defaultValue = "0") int seconds,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port, Instance<WarmupRequests> requests) {
        this(seconds, port, requests.isResolvable() ? requests.get() : null);
    }

    Warmup(int seconds, int port, WarmupRequests source) {
        this.seconds = seconds;
        this.port = port;
        this.source = source;
    }

    void start(@Observes StartupEvent event) {
        start();
    }

    void start() {
        if (seconds <= 0 || source == null) {
            state = "off";
            done = true;
            return;
        }
        state = "warming up";
        Thread thread = new Thread(this::run, "chorus-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    boolean done() {
        return done;
    }

    long requests() {
        return sent.get();
    }

    long failed() {
        return failed.get();
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("warm-up").status(done).withData("state", state)
                .withData("requests", sent.get()).withData("failed", failed.get()).build();
    }

    private void run() {
        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(seconds).toNanos();
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(1)).build();
            URI endpoint = URI.create("http://localhost:" + port + "/graphql");
            JsonObject seed = null;
            while (seed == null && System.nanoTime() < deadline) { // the HTTP server opens after start-up events
                seed = post(http, endpoint, Json.createObjectBuilder().add("query", source.seed()).build());
                if (seed == null) {
                    Thread.sleep(100);
                }
            }
            sent.set(0); // what the seed loop counted was the server not listening yet
            failed.set(0);
            List<JsonObject> bodies = seed == null ? List.of() : source.requests(seed);
            if (bodies.isEmpty()) {
                state = "skipped: nothing to replay";
                return;
            }
            Thread[] threads = new Thread[THREADS];
            for (int t = 0; t < THREADS; t++) {
                int offset = t;
                threads[t] = new Thread(() -> {
                    for (int i = offset; System.nanoTime() < deadline; i++) {
                        post(http, endpoint, bodies.get(i % bodies.size()));
                    }
                }, "chorus-warmup-" + t);
                threads[t].setDaemon(true);
                threads[t].start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            state = "done";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state = "interrupted";
        } catch (RuntimeException e) {
            state = "ended early: " + e.getClass().getSimpleName();
            LOG.warn("warm-up ended early", e);
        } finally {
            done = true;
            LOG.infof("warm-up %s: %d requests (%d failed) in %.1f s", state, sent.get(), failed.get(),
                    (System.nanoTime() - started) / 1e9);
        }
    }

    /** The answer's {@code data}, or null when the request failed or answered errors. */
    private JsonObject post(HttpClient http, URI endpoint, JsonObject body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                    .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            sent.incrementAndGet();
            JsonObject answer = Json.createReader(new StringReader(response.body())).readObject();
            if (response.statusCode() != 200 || answer.containsKey("errors")) {
                failed.incrementAndGet();
                return null;
            }
            return answer.getJsonObject("data");
        } catch (java.io.IOException | RuntimeException e) {
            failed.incrementAndGet();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
