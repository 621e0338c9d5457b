package dev.chorus.common.warmup;

import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

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
 * itself from two threads until it is warm, at most that long, and this readiness check stays DOWN until then, so
 * that Kubernetes sends a new pod no traffic while it is cold. Warm is measured, not guessed, in windows of
 * {@link #WINDOW} ({@link #converged}): the process's CPU time per replayed request has stopped falling and the JIT
 * compiler threads have (nearly) stopped using CPU. The second is needed on few cores: there the compilers take a
 * steady share of a saturated CPU for minutes, so the CPU time per request looks flat long before the code is
 * compiled. A warm-up that cannot run (no data yet, an error) ends early and never keeps the service from becoming
 * ready.
 */
@Readiness
@ApplicationScoped
public class Warmup implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(Warmup.class);
    private static final int THREADS = 2;
    /** The measuring window of the warm-up's CPU time per request. */
    static final Duration WINDOW = Duration.ofSeconds(5);
    /** Warm: the last this many windows' CPU time per request lie within {@link #SPREAD} of each other. */
    static final int WINDOWS = 3;
    static final double SPREAD = 1.10;
    /** ... and in each of them the JIT compilers took at most this share of the process's CPU time. */
    static final double COMPILING = 0.05;

    /** One measuring window: the process's CPU time, the requests sent, the compilers' time (ms). */
    record Window(double cpuMs, long requests, double compileMs) {
        double perRequest() {
            return cpuMs / requests;
        }
    }

    private final int seconds;
    private final int port;
    private final WarmupRequests source;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean done;
    private volatile boolean stop;
    private volatile String state = "not started";
    private volatile String cpuPerRequest = "";
    private volatile String jitShare = "";

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
                .withData("requests", sent.get()).withData("failed", failed.get())
                .withData("cpuMsPerRequest", cpuPerRequest).withData("jitShareOfCpu", jitShare).build();
    }

    /**
     * Whether the windows, in order, show a warm process: in the last {@link #WINDOWS} the CPU time per request lies
     * within {@link #SPREAD} of each other and the compilers took at most {@link #COMPILING} of the CPU time. A window
     * without requests or without CPU time measured is never warm.
     */
    static boolean converged(List<Window> windows) {
        if (windows.size() < WINDOWS) {
            return false;
        }
        double min = Double.MAX_VALUE;
        double max = 0;
        for (Window window : windows.subList(windows.size() - WINDOWS, windows.size())) {
            double perRequest = window.perRequest();
            if (window.requests() <= 0 || !Double.isFinite(perRequest) || perRequest <= 0
                    || !(window.compileMs() <= window.cpuMs() * COMPILING)) {
                return false;
            }
            min = Math.min(min, perRequest);
            max = Math.max(max, perRequest);
        }
        return max <= min * SPREAD;
    }

    /** The CPU time this process has used, in ms (all threads: requests, compilers, garbage collection). */
    private static double processCpuMs() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e6;
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
                    for (int i = offset; !stop && System.nanoTime() < deadline; i++) {
                        post(http, endpoint, bodies.get(i % bodies.size()));
                    }
                }, "chorus-warmup-" + t);
                threads[t].setDaemon(true);
                threads[t].start();
            }
            boolean warm = measureUntilWarm(deadline);
            stop = true;
            for (Thread thread : threads) {
                thread.join();
            }
            state = warm ? "done" : "done: time limit reached before warm";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state = "interrupted";
        } catch (RuntimeException e) {
            state = "ended early: " + e.getClass().getSimpleName();
            LOG.warn("warm-up ended early", e);
        } finally {
            done = true;
            LOG.infof("warm-up %s: %d requests (%d failed; at the end %s ms CPU per request, %s of it compiling) "
                    + "in %.1f s", state, sent.get(), failed.get(), cpuPerRequest, jitShare,
                    (System.nanoTime() - started) / 1e9);
        }
    }

    /** Measures window after window until warm (true) or the deadline (false). */
    private boolean measureUntilWarm(long deadline) throws InterruptedException {
        List<Window> windows = new ArrayList<>();
        double cpu = processCpuMs();
        long requests = sent.get();
        double compiling = compilersCpuMs();
        while (System.nanoTime() < deadline) {
            Thread.sleep(Math.max(1, Math.min(WINDOW.toMillis(), (deadline - System.nanoTime()) / 1_000_000)));
            double cpuNow = processCpuMs();
            long requestsNow = sent.get();
            double compilingNow = compilersCpuMs();
            // a compiler thread that ended took its CPU time along: unknown, not idle
            double compiled = compilingNow >= compiling ? compilingNow - compiling : Double.NaN;
            Window window = new Window(cpuNow - cpu, requestsNow - requests, compiled);
            windows.add(window);
            cpu = cpuNow;
            requests = requestsNow;
            compiling = compilingNow;
            cpuPerRequest = String.format(Locale.ROOT, "%.2f", window.perRequest());
            jitShare = String.format(Locale.ROOT, "%.2f", window.compileMs() / window.cpuMs());
            if (converged(windows)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The CPU time of the JIT compiler threads, in ms, from {@code /proc/self/task} (Linux; the JVM hides them from
     * its thread MXBean, and its compilation time is elapsed time, which on a busy machine is mostly waiting). Where
     * there is no {@code /proc}, 0: then only the CPU time per request decides.
     */
    static double compilersCpuMs() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return 0;
        }
        double ticks = 0;
        try (Stream<Path> all = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) all::iterator) {
                try {
                    String comm = Files.readString(task.resolve("comm")).strip();
                    if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
                        String stat = Files.readString(task.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks * 10; // USER_HZ: 100 ticks per second on Linux
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
        } catch (IOException | RuntimeException e) {
            failed.incrementAndGet();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
