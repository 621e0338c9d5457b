package dev.chorus.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.chorus.stack.GraphQLHttp;
import dev.chorus.stack.LocalKeys;
import dev.chorus.stack.LocalStack;

/**
 * The benchmark: starts the stack as {@code ./chorus up} does (free ports, the benchmark data set), runs the
 * scenarios of README "Benchmark" side by side in one run, and writes bench/RESULTS.md. Exits 1 when a request
 * erred or the registration race oversold.
 */
public final class Benchmark {
    /**
     * One subgraph: a creator by handle, rotating over the 2,000 creators (__M__), as real traffic would; the same
     * query over and over would let the gateway share identical in-flight subgraph requests.
     */
    static final String SINGLE = "query($h: String!) { creatorByHandle(handle: $h) { handle displayName tier verified "
            + "aliases { name } } }";
    static final Map<String, Object> SINGLE_VARIABLES = Map.of("h", "bench___M__");
    /** The end-to-end test's cross-subgraph query (every subgraph, three levels deep). */
    static final String CROSS = """
            query($n: Int!, $w: Int!) { creators(filter: {genre: "showcase"}, first: $n) { edges { node { handle
              works(first: $w) { edges { node { title remixes { edges { node { credits { creator { handle } } } } } } } }
              performances(upcoming: true) { edges { node { event { title venue { name } } } } } } } } }""";
    static final String REGISTER = "mutation { registerCreator(input: {handle: \"load___N__\", displayName: \"Load __N__\", "
            + "kind: PERSON}) { id } }";

    private final LocalStack stack;
    private final Path bench;
    private final Path state;
    private final boolean quick;
    private final Readings readings;
    private final List<String> failures = new ArrayList<>();
    private final StringBuilder report = new StringBuilder();
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Map<String, String> coldStarts = new LinkedHashMap<>();
    private String raceOutcome;
    private String voteOutcome;
    private String liveOutcome;
    private String tracingOutcome;
    /** Section 6's rows, one per warm-up setting. */
    private final List<String> freshRows = new ArrayList<>();
    /** The warm-up the services get in Kubernetes (deploy/base/subgraph: CHORUS_WARMUP_SECONDS). */
    static final int WARMUP_SECONDS = 240;
    static final List<String> SERVICES = List.of("creator-service", "content-service", "events-service");
    private boolean anyShort;

    private Benchmark(LocalStack stack, Path bench, Path state, boolean quick) {
        this.stack = stack;
        this.bench = bench;
        this.state = state;
        this.quick = quick;
        this.readings = new Readings(stack);
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        Path root = Path.of(System.getProperty("chorus.root", ".")).toAbsolutePath().normalize();
        Path bench = root.resolve("bench");
        Path state = bench.resolve("target/state");
        int exit;
        LocalStack stack = LocalStack.prepare(LocalStack.Settings.forBenchmark(root, state),
                line -> System.out.println("[stack] " + line));
        // Ctrl-C or a kill stops everything the benchmark started
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        try (stack) {
            stack.start();
            BenchData data = new BenchData(service(stack, state, "creator-service", "staff"),
                    service(stack, state, "content-service", "staff"), service(stack, state, "events-service", "staff"),
                    service(stack, state, "content-service", "ingestion"));
            long started = System.nanoTime();
            System.out.println("[bench] loading the data set");
            data.load();
            System.out.printf("[bench] data set loaded in %d s%n", Duration.ofNanos(System.nanoTime() - started).toSeconds());
            Benchmark benchmark = new Benchmark(stack, bench, state, quick);
            if (Arrays.asList(args).contains("--cross")) {
                benchmark.cross(); // for working on the cross-subgraph query: prints its rows, writes nothing
            } else if (Arrays.asList(args).contains("--votes")) {
                benchmark.voteRace(data); // only scenario 4b, printed
            } else if (Arrays.asList(args).contains("--tracing")) {
                benchmark.tracingCost(); // only section 2c, printed
            } else if (Arrays.asList(args).contains("--live")) {
                benchmark.liveSeats(data); // only scenario 4c, printed
            } else if (Arrays.asList(args).contains("--fresh")) {
                benchmark.freshOnly(); // only section 6 (after the warm row it compares with), printed
            } else {
                benchmark.run(data);
            }
            exit = benchmark.failures.isEmpty() ? 0 : 1;
        }
        System.exit(exit);
    }

    private static GraphQLHttp service(LocalStack stack, Path state, String service, String role) {
        return new GraphQLHttp(stack.serviceUrl(service)).as(token(state, role, role + "-bench"));
    }

    private static String token(Path state, String role, String subject) {
        return LocalKeys.token(state, role, subject, null, Duration.ofHours(4));
    }

    private String gateway() {
        return stack.gatewayUrl().toString();
    }

    private String direct(String service) {
        return stack.serviceUrl(service).toString();
    }

    // --- the scenarios

    private void run(BenchData data) throws Exception {
        int[] levels = {1, 8, 32};
        System.out.println("[bench] 1. one subgraph: direct and through the gateway");
        for (int c : levels) {
            measure("1", "direct to creator-service", c, direct("creator-service"), SINGLE, SINGLE_VARIABLES, false, 2000,
                    null);
            measure("1", "through the gateway", c, gateway(), SINGLE, SINGLE_VARIABLES, false, 2000, null);
        }
        // the gateway's own cost: a query it answers without any subgraph
        measure("1", "the gateway alone ({ __typename })", 1, gateway(), "{ __typename }", Map.of(), false, null, null);
        System.out.println("[bench] 2. the cross-subgraph query, list sizes 1, 10, 50");
        for (int n : new int[] {1, 10, 50}) {
            for (int c : new int[] {1, 8}) {
                measure("2", "cross-subgraph, " + n + " creator" + (n == 1 ? "" : "s"), c, gateway(), CROSS,
                        Map.of("n", n, "w", "__M_INT__"), false, 5, null);
            }
        }
        System.out.println("[bench] 2b. the gateway with FORK=2 (Hive Gateway's worker processes, one per core)");
        stack.restartGateway(Map.of("FORK", "2"));
        measure("1", "through the gateway, FORK=2", 8, gateway(), SINGLE, SINGLE_VARIABLES, false, 2000, null);
        measure("2", "cross-subgraph, 1 creator, gateway FORK=2", 8, gateway(), CROSS, Map.of("n", 1, "w", "__M_INT__"),
                false, 5, null);
        stack.restartGateway(Map.of());
        System.out.println("[bench] 2c. the cross-subgraph query with tracing off and on");
        tracingCost();
        System.out.println("[bench] 3. mutations with unique bodies");
        String staff = token(state, "staff", "bench-staff");
        String ingestion = token(state, "ingestion", "bench-ingestion");
        String record = "mutation { recordEngagement(input: {day: \"" + LocalDate.now(ZoneId.of("Asia/Shanghai"))
                + "\", deltas: [{workId: \"" + data.works.get(0) + "\", plays: __N__}]}) { works } }";
        for (int c : new int[] {1, 8}) {
            measure("3", "registerCreator", c, gateway(), REGISTER, Map.of(), true, null, List.of(staff));
            measure("3", "recordEngagement", c, gateway(), record, Map.of(), true, null, List.of(ingestion));
        }
        System.out.println("[bench] 4. 500 registrations racing for " + BenchData.SEATS + " seats");
        race(data);
        System.out.println("[bench] 4b. 500 voters racing on one challenge, 100 of them sending twice");
        voteRace(data);
        System.out.println("[bench] 4c. " + LIVE_SUBSCRIBERS + " subscribers on one event's seats while 500 "
                + "registrations race");
        liveSeats(data);
        System.out.println("[bench] 5. cold start");
        coldStart();
        System.out.println("[bench] 6. fresh services to steady state, without and with the warm-up");
        // section 5 restarted the gateway too: warm it again first, so that only the services start cold
        Load.run(bench, gateway(), CROSS, Map.of("n", 1, "w", "__M_INT__"), 1, quick ? 4 : 60, null, false, 5, null);
        for (int warmup : new int[] {0, WARMUP_SECONDS}) {
            fresh(warmup);
        }
        write(data);
    }

    /** Section 6 alone: the warm cross-subgraph row it compares with, then fresh services without and with the warm-up. */
    private void freshOnly() throws Exception {
        measure("2", "cross-subgraph, 1 creator", 1, gateway(), CROSS, Map.of("n", 1, "w", "__M_INT__"), false, 5, null);
        for (int warmup : new int[] {0, WARMUP_SECONDS}) {
            fresh(warmup);
        }
    }

    /** Only scenario 2 at one connection (1 and 50 creators), printed with each component's CPU per request. */
    private void cross() {
        for (int n : new int[] {1, 50}) {
            Row row = measure("2", "cross-subgraph, " + n + " creator" + (n == 1 ? "" : "s"), 1, gateway(), CROSS,
                    Map.of("n", n, "w", "__M_INT__"), false, 5, null);
            StringBuilder cpu = new StringBuilder();
            List<String> components = new ArrayList<>(Readings.COMPONENTS);
            components.add(Readings.POSTGRES);
            for (String component : components) {
                cpu.append(String.format(Locale.ROOT, " %s %.2f", component, cpu(row, component)));
            }
            System.out.printf(Locale.ROOT, "[bench]     CPU ms/req:%s; SQL/req %.2f, subgraph req/req %.2f%n", cpu,
                    row.perRequest(Readings.Snapshot::statements), row.perRequest(Readings.Snapshot::subgraphRequests));
        }
    }

    /**
     * The cross-subgraph query (1 creator, 1 connection) with tracing off, then on (every component exporting every
     * span to an OTLP receiver in this process that only counts them), then off again: the rows side by side. Each
     * switch restarts the components, and each row warms them again until converged.
     */
    private void tracingCost() throws Exception {
        com.sun.net.httpserver.HttpServer sink = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        java.util.concurrent.atomic.AtomicLong exports = new java.util.concurrent.atomic.AtomicLong();
        sink.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exports.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        sink.start();
        try {
            String label = "cross-subgraph, 1 creator, tracing ";
            measure("2c", label + "off", 1, gateway(), CROSS, Map.of("n", 1, "w", "__M_INT__"), false, 5, null);
            tracing("http://127.0.0.1:" + sink.getAddress().getPort());
            measure("2c", label + "on (every span exported)", 1, gateway(), CROSS, Map.of("n", 1, "w", "__M_INT__"),
                    false, 5, null);
            tracing("");
            tracingOutcome = exports.get() + " OTLP exports received while tracing was on";
            for (Row row : rows.values().stream().filter(r -> r.scenario().equals("2c")).toList()) {
                System.out.printf(Locale.ROOT, "[bench]   %s: %.0f requests/s, p50 %.0f ms, CPU ms/req gateway %.2f, "
                        + "creators %.2f, content %.2f, events %.2f, PostgreSQL %.2f%n", row.label(),
                        row.median(x -> x.load().rps()), row.median(x -> x.load().p50()), cpu(row, "gateway"),
                        cpu(row, "creator-service"), cpu(row, "content-service"), cpu(row, "events-service"),
                        cpu(row, Readings.POSTGRES));
            }
            System.out.println("[bench]   " + tracingOutcome);
            if (exports.get() == 0) {
                failures.add("tracing on exported nothing");
            }
        } finally {
            sink.stop(0);
        }
    }

    /** Restarts the services and the gateway exporting to this collector ("" : tracing off). */
    private void tracing(String collector) {
        Map<String, String> setting = Map.of("CHORUS_OTLP_ENDPOINT", collector);
        for (String service : SERVICES) {
            stack.restartServiceUnwaited(service, setting);
        }
        for (String service : SERVICES) {
            stack.awaitServiceReady(service, Duration.ZERO);
        }
        stack.restartGateway(setting);
    }

    private record Run(Load.Result load, Readings.Snapshot delta) {
    }

    private record Row(String scenario, String label, int connections, List<Run> runs, long errors, String sample,
            Warmed warmed) {
        double median(java.util.function.ToDoubleFunction<Run> value) {
            double[] values = runs.stream().mapToDouble(value).sorted().toArray();
            return values[values.length / 2];
        }

        long requests() {
            return runs.stream().mapToLong(r -> r.load().requests()).sum();
        }

        double perRequest(java.util.function.ToLongFunction<Readings.Snapshot> value) {
            return (double) runs.stream().mapToLong(r -> value.applyAsLong(r.delta())).sum() / Math.max(1, requests());
        }
    }

    /**
     * How a row was warmed: seconds of load until converged, the CPU per request (all components) it reached, and
     * the requests that erred meanwhile (with a sample).
     */
    record Warmed(int seconds, double cpuPerRequest, boolean converged, long errors, String sample) {
    }

    /** Warm-up chunks: this many seconds each, at most this many (quick: one short chunk). */
    private int chunkSeconds() {
        return quick ? 2 : 10;
    }

    /**
     * Runs the row's load in chunks until the CPU time per request of all components has converged: the last three
     * chunks within 5 % of each other (the JIT compilers of the services and the gateway have done their work); at
     * most 4 minutes. Errors count as in a measured run.
     */
    private Warmed warm(String url, String query, Map<String, Object> variables, int connections, boolean unique,
            Integer modulo, List<String> tokens) {
        int maxChunks = quick ? 1 : 24;
        List<Double> cpu = new ArrayList<>();
        long errors = 0;
        String sample = null;
        for (int i = 0; i < maxChunks; i++) {
            Readings.Snapshot before = readings.take();
            Load.Result chunk = Load.run(bench, url, query, variables, connections, chunkSeconds(), null, unique, modulo,
                    tokens);
            Readings.Snapshot delta = readings.take().minus(before);
            errors += chunk.non2xx() + chunk.graphqlErrors();
            sample = sample != null ? sample : chunk.sample();
            cpu.add(totalCpu(delta) / Math.max(1, chunk.requests()));
            if (converged(cpu, 3, 0.05)) {
                return new Warmed((i + 1) * chunkSeconds(), cpu.get(cpu.size() - 1), true, errors, sample);
            }
        }
        return new Warmed(maxChunks * chunkSeconds(), cpu.get(cpu.size() - 1), quick, errors, sample);
    }

    /** The last {@code n} values lie within {@code tolerance} of each other (largest over smallest). */
    static boolean converged(List<Double> values, int n, double tolerance) {
        if (values.size() < n) {
            return false;
        }
        List<Double> last = values.subList(values.size() - n, values.size());
        double min = last.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = last.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return min > 0 && max / min <= 1 + tolerance;
    }

    private static double totalCpu(Readings.Snapshot delta) {
        return delta.cpuMs().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Warmed to convergence, then three measured runs; any error of any of them fails the benchmark. */
    private Row measure(String scenario, String label, int connections, String url, String query,
            Map<String, Object> variables, boolean unique, Integer modulo, List<String> tokens) {
        int seconds = quick ? 3 : 10;
        Warmed warmed = warm(url, query, variables, connections, unique, modulo, tokens);
        long errors = warmed.errors();
        String sample = warmed.sample();
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Readings.Snapshot before = readings.take();
            Load.Result result = Load.run(bench, url, query, variables, connections, seconds, null, unique, modulo,
                    tokens);
            runs.add(new Run(result, readings.take().minus(before)));
            errors += result.non2xx() + result.graphqlErrors();
            sample = sample != null ? sample : result.sample();
        }
        Row row = new Row(scenario, label, connections, runs, errors, sample, warmed);
        rows.put(scenario + "|" + label + "|" + connections, row);
        System.out.printf(Locale.ROOT, "[bench]   %-34s c=%-3d %8.0f req/s  p50 %5.1f ms  p99 %6.1f ms  errors %d  "
                + "warm after %d s%s%n", label, connections, row.median(r -> r.load().rps()), row.median(r -> r.load().p50()),
                row.median(r -> r.load().p99()), errors, warmed.seconds(), warmed.converged() ? "" : " (not converged)");
        if (errors > 0) {
            failures.add(label + " (" + connections + " connections): " + errors + " requests erred, e.g. " + sample);
        }
        return row;
    }

    private void race(BenchData data) {
        List<String> fans = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            fans.add(LocalKeys.token(state, "user", "fan-" + i, null, Duration.ofHours(1)));
        }
        String register = "mutation { registerForEvent(input: {eventId: \"" + data.raceEvent + "\"}) { status } }";
        Readings.Snapshot before = readings.take();
        Load.Result result = Load.run(bench, gateway(), register, Map.of(), 50, 60, 500, false, null, fans);
        Row row = new Row("4", "500 registrations, 50 seats", 50, List.of(new Run(result, readings.take().minus(before))),
                result.non2xx() + result.graphqlErrors(), result.sample(), null);
        rows.put("4", row);
        GraphQLHttp asStaff = new GraphQLHttp(stack.gatewayUrl()).as(token(state, "staff", "bench-staff"));
        String count = "query($e: ID!, $s: RegistrationStatus!) { event(id: $e) { seatsRemaining "
                + "registrations(status: $s) { totalCount } } }";
        JsonNode event = asStaff.data(count, Map.of("e", data.raceEvent, "s", "CONFIRMED")).get("event");
        int confirmed = event.at("/registrations/totalCount").asInt();
        int waitlisted = asStaff.data(count, Map.of("e", data.raceEvent, "s", "WAITLISTED"))
                .at("/event/registrations/totalCount").asInt();
        raceOutcome = String.format(Locale.ROOT, "%d requests, %d confirmed, %d waitlisted, %d seats remaining, %d errors",
                result.requests(), confirmed, waitlisted, event.get("seatsRemaining").asInt(), row.errors());
        System.out.println("[bench]   " + raceOutcome);
        if (result.requests() != 500 || confirmed != BenchData.SEATS || waitlisted != 450 || row.errors() > 0
                || event.get("seatsRemaining").asInt() != 0) {
            failures.add("the registration race: " + raceOutcome + " (expected 50 confirmed, 450 waitlisted, no error)");
        }
    }

    /**
     * 500 voters on one challenge, 100 of them sending their vote twice at once (the two requests side by side on
     * two connections): every vote counted once (500 for entry A); then those 100 move their vote (400 and 100).
     */
    private void voteRace(BenchData data) throws InterruptedException {
        long wait = Duration.between(java.time.OffsetDateTime.now(), data.votingOpensAt).toMillis();
        if (wait > 0) {
            Thread.sleep(wait + 500);
        }
        List<String> voters = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            voters.add(LocalKeys.token(state, "user", "voter-" + i, null, Duration.ofHours(1)));
        }
        List<String> sends = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            sends.add(voters.get(i));
            if (i < 100) {
                sends.add(voters.get(i)); // the same voter again, on the next connection
            }
        }
        String vote = "mutation { castChallengeVote(input: {challengeId: \"" + data.voteChallenge + "\", entryId: \"%s\"}) "
                + "{ castAt } }";
        Readings.Snapshot before = readings.take();
        Load.Result first = Load.run(bench, gateway(), String.format(vote, data.voteEntries.get(0)), Map.of(), 50, 60,
                sends.size(), false, null, sends);
        int[] afterFirst = tallies(data);
        Load.Result moved = Load.run(bench, gateway(), String.format(vote, data.voteEntries.get(1)), Map.of(), 50, 60,
                100, false, null, voters.subList(0, 100));
        int[] afterMove = tallies(data);
        long errors = first.non2xx() + first.graphqlErrors() + moved.non2xx() + moved.graphqlErrors();
        Row row = new Row("4b", "600 votes by 500 voters", 50, List.of(new Run(first, readings.take().minus(before))),
                errors, first.sample() != null ? first.sample() : moved.sample(), null);
        rows.put("4b", row);
        voteOutcome = String.format(Locale.ROOT, "%d + %d requests, %d errors; tallies %d and %d after the race (500 "
                + "and 0 expected), %d and %d after 100 voters moved (400 and 100 expected)", first.requests(),
                moved.requests(), errors, afterFirst[0], afterFirst[1], afterMove[0], afterMove[1]);
        System.out.println("[bench]   " + voteOutcome);
        if (errors > 0 || first.requests() != 600 || afterFirst[0] != 500 || afterFirst[1] != 0 || afterMove[0] != 400
                || afterMove[1] != 100) {
            failures.add("the vote race: " + voteOutcome);
        }
    }

    static final int LIVE_SUBSCRIBERS = 1000;

    /**
     * {@link #LIVE_SUBSCRIBERS} subscribers on one event's seats through the gateway while 500 registrations race
     * for its 50 seats: every subscriber's last message must show 0 seats and 450 waitlisted, versions never go back.
     */
    private void liveSeats(BenchData data) throws Exception {
        List<String> fans = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            fans.add(LocalKeys.token(state, "user", "live-fan-" + i, null, Duration.ofHours(1)));
        }
        String register = "mutation { registerForEvent(input: {eventId: \"" + data.liveEvent + "\"}) { status } }";
        Readings.Snapshot before = readings.take();
        Load.Result[] race = new Load.Result[1];
        LiveSeats.Outcome outcome = LiveSeats.run(stack.gatewayUrl(), data.liveEvent, LIVE_SUBSCRIBERS,
                () -> race[0] = Load.run(bench, gateway(), register, Map.of(), 50, 60, 500, false, null, fans),
                0, 500 - BenchData.SEATS);
        long errors = race[0].non2xx() + race[0].graphqlErrors() + outcome.errors();
        rows.put("4c", new Row("4c", "500 registrations under " + LIVE_SUBSCRIBERS + " subscribers", 50,
                List.of(new Run(race[0], readings.take().minus(before))), errors, race[0].sample(), null));
        liveOutcome = outcome.describe(0, 500 - BenchData.SEATS) + "; registrations: " + race[0].requests()
                + " requests, " + (race[0].non2xx() + race[0].graphqlErrors()) + " errors";
        System.out.println("[bench]   " + liveOutcome);
        System.out.println("[bench]   CPU ms during it: " + rows.get("4c").runs().get(0).delta().cpuMs());
        if (errors > 0 || outcome.connected() != LIVE_SUBSCRIBERS || outcome.endedRight() != LIVE_SUBSCRIBERS
                || outcome.backwards() > 0 || race[0].requests() != 500) {
            failures.add("the live seats: " + liveOutcome);
        }
    }

    private int[] tallies(BenchData data) {
        JsonNode entries = new GraphQLHttp(stack.gatewayUrl()).as(token(state, "staff", "bench-staff")).data("query($id: "
                + "ID!) { challenge(id: $id) { entries(first: 10) { edges { node { id votes } } } } }",
                Map.of("id", data.voteChallenge)).at("/challenge/entries/edges");
        int[] tallies = new int[2];
        for (JsonNode edge : entries) {
            tallies[data.voteEntries.indexOf(edge.at("/node/id").asText())] = edge.at("/node/votes").asInt();
        }
        return tallies;
    }

    /** From process start to the first successful query, and the resident memory right after it. */
    /**
     * Restarts the three services with this warm-up, waits until they are ready, then runs the cross-subgraph query
     * (1 creator, 1 connection) in chunks until the services' CPU per request is within 10 % of its warm figure
     * (section 2's row); at most 8 minutes.
     */
    private void fresh(int warmupSeconds) throws Exception {
        Row warmRow = rows.get("2|cross-subgraph, 1 creator|1");
        double warm = SERVICES.stream().mapToDouble(service -> cpu(warmRow, service)).sum();
        long started = System.nanoTime();
        for (String service : SERVICES) {
            stack.restartServiceUnwaited(service, Map.of("CHORUS_WARMUP_SECONDS", Integer.toString(warmupSeconds)));
        }
        for (String service : SERVICES) {
            stack.awaitServiceReady(service, Duration.ofSeconds(warmupSeconds));
        }
        double ready = (System.nanoTime() - started) / 1e9;
        int maxChunks = quick ? 2 : 48;
        Double firstRatio = null;
        double firstRps = 0;
        Integer steadyAfter = null;
        for (int i = 0; i < maxChunks && steadyAfter == null; i++) {
            Readings.Snapshot before = readings.take();
            Load.Result chunk = Load.run(bench, gateway(), CROSS, Map.of("n", 1, "w", "__M_INT__"), 1, chunkSeconds(),
                    null, false, 5, null);
            Readings.Snapshot delta = readings.take().minus(before);
            if (chunk.non2xx() + chunk.graphqlErrors() > 0) {
                failures.add("fresh services (warm-up " + warmupSeconds + " s): requests erred, e.g. " + chunk.sample());
            }
            double services = SERVICES.stream().mapToDouble(service -> delta.cpuMs().getOrDefault(service, 0L)).sum()
                    / Math.max(1, chunk.requests());
            if (firstRatio == null) {
                firstRatio = chunk.requests() == 0 ? Double.NaN : services / warm;
                firstRps = chunk.rps();
            }
            if (chunk.requests() > 0 && services <= warm * 1.10) {
                steadyAfter = i * chunkSeconds();
            }
        }
        String line = String.format(Locale.ROOT, "| %s | %.1f s | %.1f | %s | %s |",
                warmupSeconds == 0 ? "off" : "until warm, at most " + warmupSeconds + " s", ready, firstRps,
                firstRatio.isNaN() ? "no request completed" : String.format(Locale.ROOT, "%.1f×", firstRatio),
                steadyAfter == null ? "not within " + maxChunks * chunkSeconds() + " s" : steadyAfter + " s");
        freshRows.add(line);
        System.out.println("[bench]   " + line);
    }

    private void coldStart() throws Exception {
        Map<String, String> firstQuery = Map.of("creator-service", "{ creators(first: 1) { totalCount } }",
                "content-service", "{ works(first: 1) { totalCount } }", "events-service", "{ events(first: 1) { totalCount } }",
                "gateway", "{ creators(first: 1) { totalCount } works(first: 1) { totalCount } events(first: 1) { totalCount } }");
        for (String component : Readings.COMPONENTS) {
            long started = System.nanoTime();
            URI url;
            if (component.equals("gateway")) {
                stack.restartGatewayUnwaited();
                url = stack.gatewayUrl();
            } else {
                stack.restartServiceUnwaited(component);
                url = stack.serviceUrl(component);
            }
            long took = awaitFirstAnswer(url, firstQuery.get(component), started);
            coldStarts.put(component, String.format(Locale.ROOT, "| %s | %.2f s | %d MiB |", component, took / 1e9,
                    readings.rssMiB(component)));
            System.out.println("[bench]   " + coldStarts.get(component));
        }
    }

    private long awaitFirstAnswer(URI url, String query, long started) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        String body = "{\"query\":\"" + query.replace("\"", "\\\"") + "\"}";
        long deadline = started + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5))
                        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && !response.body().contains("\"errors\"")) {
                    return System.nanoTime() - started;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(url + " did not answer within 2 minutes of its start");
    }

    // --- the report

    private void write(BenchData data) throws IOException {
        report.append("# Chorus benchmark results\n\n");
        report.append("Written by `./bench/run").append(quick ? " --quick" : "").append("` on ")
                .append(ZonedDateTime.now(ZoneId.of("UTC")).withNano(0)).append(". Every number of a table was measured in ")
                .append("this one run, side by side; the machine is shared, so compare ratios, not absolute values.\n\n");
        report.append("- Machine: ").append(machine()).append("\n");
        report.append("- Versions: Java ").append(System.getProperty("java.version")).append(", Node.js ")
                .append(command("node", "--version")).append(", Quarkus 3.33.2, Hive Gateway 2.15.1 with the Hive Router ")
                .append("runtime 1.4.23, PostgreSQL 18.6 (embedded), autocannon 8.0.0\n");
        report.append("- Data set: ").append(BenchData.CREATORS).append(" creators, ").append(data.works.size() + BenchData.SHOWCASE * 2)
                .append(" published works, ").append(data.engagementRows).append(" engagement rows (")
                .append(BenchData.DAYS).append(" days × ").append(BenchData.ENGAGED_WORKS).append(" works), 6 events\n");
        report.append("- Each row: warmed until converged (its load in chunks of ").append(chunkSeconds()).append(" s until the ")
                .append("CPU time per request of all components in the last three chunks lies within 5 %, at most 4 minutes; ")
                .append("`warm after` says how long that took, from wherever the previous rows left the processes), then three ")
                .append("runs of ").append(quick ? 3 : 10)
                .append(" s; requests/s, p50 and p99 are the median of the three runs (autocannon's latency resolution ")
                .append("is 1 ms); errors count HTTP errors and answers with GraphQL `errors` of all runs. SQL ")
                .append("statements come from pg_stat_statements, subgraph requests from the services' metrics, CPU time ")
                .append("from /proc (gateway including its workers), all per request.\n\n");

        table("1. One subgraph, directly and through the gateway (`creatorByHandle`, rotating over 2,000 creators)", "1");
        table("2. The cross-subgraph query of the end-to-end test (five variants, so that concurrent requests differ)", "2");
        table("2c. Tracing off and on: the cross-subgraph query, 1 creator (every component restarted for each)", "2c");
        report.append("Tracing on: every component exports every span (sampling everything) over OTLP/HTTP to a "
                + "receiver in the benchmark's process; ").append(tracingOutcome).append(".\n\n");
        table("3. Mutations with unique bodies (through the gateway)", "3");
        table("4. 500 registrations racing for 50 seats (50 connections)", "4");
        report.append("Outcome: ").append(raceOutcome).append(".\n\n");
        table("4b. 500 voters racing on one challenge, 100 of them sending twice at once (50 connections)", "4b");
        report.append("Outcome: ").append(voteOutcome).append(".\n\n");
        table("4c. " + LIVE_SUBSCRIBERS + " subscribers on one event's seats (WebSocket, through the gateway) while 500 "
                + "registrations race for 50 seats (50 connections)", "4c");
        report.append("Outcome: ").append(liveOutcome).append(". The delay is a message's arrival at the subscriber ")
                .append("minus the change's `changedAt` (the changing statement's clock, just before its commit), over ")
                .append("every message but the first of each subscriber. CPU per request includes delivering the ")
                .append("messages.\n\n");
        report.append("## 5. Cold start\n\nFrom process start to the first successful query; resident memory right after it.\n\n")
                .append("| component | to first answer | RSS |\n|---|---|---|\n");
        coldStarts.values().forEach(line -> report.append(line).append("\n"));
        report.append("\n## 6. Fresh services to steady state\n\nThe three services restarted (the gateway warm) with ")
                .append("the warm-up off and as Kubernetes sets it (`CHORUS_WARMUP_SECONDS`), then the cross-subgraph query ")
                .append("(1 creator, 1 connection) in chunks of ").append(chunkSeconds()).append(" s: how long until the ")
                .append("services are ready, the first chunk's requests/s and the services' CPU per request in it against ")
                .append("section 2's warm figure, and how long after ready until their CPU per request is within 10 % of ")
                .append("warm.\n\n")
                .append("| warm-up | ready after | first chunk requests/s | first chunk services' CPU/req vs warm | warm after (from ready) |\n")
                .append("|---|---|---|---|---|\n");
        freshRows.forEach(line -> report.append(line).append("\n"));
        report.append("\n## What the numbers must show\n\n");
        ratios();
        if (anyShort && Files.exists(bench.resolve("CAUSES.md"))) {
            // what profiling found about the ratios that fall short (bench/CAUSES.md, kept with the code)
            report.append("\n").append(Files.readString(bench.resolve("CAUSES.md")));
        }
        if (!failures.isEmpty()) {
            report.append("\n## FAILED\n\n");
            failures.forEach(f -> report.append("- ").append(f).append("\n"));
        }
        Files.writeString(bench.resolve("RESULTS.md"), report.toString());
        System.out.println("[bench] wrote " + bench.resolve("RESULTS.md"));
        failures.forEach(f -> System.out.println("[bench] FAILED: " + f));
    }

    private void table(String title, String scenario) {
        report.append("## ").append(title).append("\n\n| | connections | requests/s | p50 ms | p99 ms | errors | SQL/req | ")
                .append("subgraph req/req | CPU ms/req gateway | creators | content | events | PostgreSQL | warm after |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        rows.values().stream().filter(r -> r.scenario().equals(scenario)).forEach(r -> report.append(String.format(Locale.ROOT,
                "| %s | %d | %.0f | %.0f | %.0f | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %s |%n", r.label(),
                r.connections(), r.median(x -> x.load().rps()), r.median(x -> x.load().p50()),
                r.median(x -> x.load().p99()), r.errors(), r.perRequest(Readings.Snapshot::statements),
                r.perRequest(Readings.Snapshot::subgraphRequests), cpu(r, "gateway"), cpu(r, "creator-service"),
                cpu(r, "content-service"), cpu(r, "events-service"), cpu(r, Readings.POSTGRES), r.warmed() == null ? "–"
                        : r.warmed().seconds() + " s" + (r.warmed().converged() ? "" : " (not converged)"))));
        report.append("\n");
    }

    private static double cpu(Row row, String component) {
        return row.perRequest(s -> s.cpuMs().getOrDefault(component, 0L));
    }

    private void ratios() {
        for (int c : new int[] {1, 8, 32}) {
            Row direct = rows.get("1|direct to creator-service|" + c);
            Row through = rows.get("1|through the gateway|" + c);
            double ratio = through.median(r -> r.load().rps()) / direct.median(r -> r.load().rps());
            verdict(ratio >= 0.6, String.format(Locale.ROOT, "Scenario 1, %d connection%s: throughput through the "
                    + "gateway is %.2f of direct (at least 0.6).", c, c == 1 ? "" : "s", ratio));
        }
        Row direct = rows.get("1|direct to creator-service|1");
        Row through = rows.get("1|through the gateway|1");
        // one connection: the mean latency is exactly 1 / throughput, finer than the 1 ms histogram
        double addedMean = 1000 / through.median(r -> r.load().rps()) - 1000 / direct.median(r -> r.load().rps());
        double addedP50 = through.median(r -> r.load().p50()) - direct.median(r -> r.load().p50());
        Row alone = rows.get("1|the gateway alone ({ __typename })|1");
        double own = 1000 / alone.median(r -> r.load().rps());
        // the mean, exactly 1 / throughput at one connection, resolves what autocannon's 1 ms p50 cannot
        verdict(addedMean < 2, String.format(Locale.ROOT, "Scenario 1, one connection: the gateway "
                + "adds %.2f ms to the mean latency (under 2 ms) and %.0f ms to p50 at 1 ms resolution. Of a request through it, %.2f ms "
                + "is the gateway answering alone (`{ __typename }`: HTTP, parsing, validation, no subgraph).",
                addedMean, addedP50, own));
        for (int c : new int[] {1, 8}) {
            Row one = rows.get("2|cross-subgraph, 1 creator|" + c);
            Row fifty = rows.get("2|cross-subgraph, 50 creators|" + c);
            // to one decimal: a few statements a minute run outside the requests (the readings' own connections)
            String sqlOne = String.format(Locale.ROOT, "%.1f", one.perRequest(Readings.Snapshot::statements));
            String sqlFifty = String.format(Locale.ROOT, "%.1f", fifty.perRequest(Readings.Snapshot::statements));
            String subOne = String.format(Locale.ROOT, "%.1f", one.perRequest(Readings.Snapshot::subgraphRequests));
            String subFifty = String.format(Locale.ROOT, "%.1f", fifty.perRequest(Readings.Snapshot::subgraphRequests));
            // at several connections the gateway shares identical in-flight subgraph requests (CAUSES.md): the
            // counts then depend on timing, so only one connection is held to "identical"
            verdict(c > 1 || sqlOne.equals(sqlFifty) && subOne.equals(subFifty), String.format(Locale.ROOT, "Scenario 2, %d "
                    + "connection%s: SQL statements per request %s (1 creator) and %s (50 creators); subgraph requests "
                    + "per request %s and %s (%s).", c, c == 1 ? "" : "s", sqlOne, sqlFifty, subOne, subFifty,
                    c == 1 ? "identical" : "shared in-flight requests, for information"));
        }
        verdict(raceOutcome != null && raceOutcome.contains(" 50 confirmed, 450 waitlisted") && raceOutcome.endsWith(" 0 errors"),
                "Scenario 4: " + raceOutcome + " (exactly 50 confirmed, 450 waitlisted, no error).");
        verdict(liveOutcome != null && liveOutcome.contains(LIVE_SUBSCRIBERS + " ended on 0 seats") && liveOutcome
                .contains("backwards 0 times; 0 errors") && liveOutcome.endsWith(" 0 errors"), "Scenario 4c: "
                + liveOutcome + ".");
        verdict(voteOutcome != null && voteOutcome.contains("tallies 500 and 0 after") && voteOutcome.contains(
                "400 and 100 after") && voteOutcome.contains(", 0 errors"), "Scenario 4b: " + voteOutcome + ".");
    }

    private void verdict(boolean met, String text) {
        anyShort |= !met;
        report.append("- ").append(met ? "Met: " : "**Short:** ").append(text).append("\n");
    }

    private static String machine() {
        String model = "unknown CPU";
        try {
            model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(model);
        } catch (IOException e) {
            // not Linux
        }
        long memory = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize() >> 30;
        return Runtime.getRuntime().availableProcessors() + " cores (" + model + "), " + memory + " GiB, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }

    private static String command(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            return new String(process.getInputStream().readAllBytes()).strip();
        } catch (IOException e) {
            return "?";
        }
    }
}
