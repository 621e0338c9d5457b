package dev.chorus.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.chorus.postgres.EmbeddedPostgresServer;

/**
 * The whole of Chorus on this machine: an embedded PostgreSQL per service (data kept under the state folder),
 * the three services, the gateway, and the demo data on first start. {@code ./chorus up} and the end-to-end
 * tests both start it through here.
 */
public final class LocalStack implements AutoCloseable {
    static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    /** A service of the stack: its module folder, its database, and the gateway variable naming its URL. */
    public record Service(String name, String database, String gatewayVariable) {
    }

    public static final List<Service> SERVICES = List.of(
            new Service("creator-service", "creators", "CHORUS_CREATORS_URL"),
            new Service("content-service", "content", "CHORUS_CONTENT_URL"),
            new Service("events-service", "events", "CHORUS_EVENTS_URL"));

    /**
     * Where things are and which ports they take.
     *
     * @param environment more settings of the gateway and the services (README "Configuration"), over the
     *        defaults (each ignores the others')
     * @param statementStatistics preload pg_stat_statements in the databases (the benchmark counts statements)
     * @param supervision how components are watched and restarted ({@link Supervisor}); null: not at all (the
     *        benchmark restarts components itself)
     */
    public record Settings(Path root, Path state, boolean fresh, int gatewayPort, List<Integer> servicePorts,
            List<Integer> databasePorts, Duration upstreamTimeout, boolean demoData,
            Map<String, String> environment, boolean statementStatistics, Supervisor.Policy supervision) {

        /** The same with these settings over its environment's. */
        public Settings withEnvironment(Map<String, String> more) {
            Map<String, String> merged = new LinkedHashMap<>(environment);
            merged.putAll(more);
            return new Settings(root, state, fresh, gatewayPort, servicePorts, databasePorts, upstreamTimeout, demoData,
                    Map.copyOf(merged), statementStatistics, supervision);
        }

        /** What {@code ./chorus up} uses: fixed ports, data in {@code .chorus/}. */
        public static Settings defaults(Path root, boolean fresh) {
            return new Settings(root, root.resolve(".chorus"), fresh, 4000, List.of(8081, 8082, 8083),
                    List.of(15432, 15433, 15434), Duration.ofSeconds(5), true, Map.of(), false,
                    Supervisor.Policy.defaults());
        }

        /**
         * Free ports and a fresh state folder, for tests; a rate limit the tests can reach: 300 per 10 s; a circuit
         * that opens after 3 failures for 3 s.
         */
        public static Settings forTests(Path root, Path state, Duration upstreamTimeout) {
            return new Settings(root, state, true, freePort(), List.of(freePort(), freePort(), freePort()),
                    List.of(freePort(), freePort(), freePort()), upstreamTimeout, true,
                    Map.of("CHORUS_RATE_LIMIT", "300", "CHORUS_RATE_LIMIT_WINDOW_SECONDS", "10",
                            "CHORUS_CIRCUIT_OPEN_MS", "3000"), false, Supervisor.Policy.defaults());
        }

        /**
         * The benchmark's: free ports, a fresh state folder, no demo data (it loads its own), statement
         * statistics, and no rate limit in the way of the load.
         */
        public static Settings forBenchmark(Path root, Path state) {
            return new Settings(root, state, true, freePort(), List.of(freePort(), freePort(), freePort()),
                    List.of(freePort(), freePort(), freePort()), Duration.ofSeconds(30), false,
                    Map.of("CHORUS_RATE_LIMIT", "1000000000"), true, null);
        }
    }

    private final Settings settings;
    private final Consumer<String> progress;
    private final List<DatabaseProcess> databases = new ArrayList<>();
    private final Map<String, ChildProcess> services = new LinkedHashMap<>();
    private volatile ChildProcess gateway;
    private volatile Supervisor supervisor;
    private volatile boolean closed;

    private LocalStack(Settings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** Starts everything, or stops what it started and throws a {@link StackException} naming the culprit. */
    public static LocalStack start(Settings settings, Consumer<String> progress) {
        LocalStack stack = prepare(settings, progress);
        stack.start();
        return stack;
    }

    /** A stack not started yet, so that a caller can arrange for {@link #close()} before it starts. */
    public static LocalStack prepare(Settings settings, Consumer<String> progress) {
        return new LocalStack(settings, progress);
    }

    /** Starts everything, then watches it (when the settings ask for supervision). */
    public void start() {
        try {
            startAll();
            if (settings.supervision() != null) {
                Supervisor watching = new Supervisor(components(), settings.supervision(), statusFile(settings.state()),
                        progress);
                synchronized (this) {
                    requireOpen();
                    supervisor = watching;
                }
                watching.watch();
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Where {@code ./chorus status} reads the components' states. */
    static Path statusFile(Path state) {
        return state.resolve("status.tsv");
    }

    /** A component's state as the supervisor sees it ({@code creator-service}, {@code events-db}, {@code gateway}…). */
    public String state(String component) {
        return supervisor == null ? "UNSUPERVISED" : supervisor.state(component).name();
    }

    /** How often the supervisor restarted a component. */
    public int restarts(String component) {
        return supervisor == null ? 0 : supervisor.restarts(component);
    }

    /** The gateway, as a caller with this role (a token signed with the stack's key; see {@link LocalKeys}). */
    public GraphQLHttp gatewayAs(String role, String subject, String creatorId) {
        return new GraphQLHttp(gatewayUrl())
                .as(LocalKeys.token(settings.state(), role, subject, creatorId, java.time.Duration.ofHours(1)));
    }

    public URI gatewayUrl() {
        return URI.create("http://localhost:" + settings.gatewayPort() + "/graphql");
    }

    /** The JDBC URL of a service's database (user and password: {@link EmbeddedPostgresServer#USER}). */
    public String databaseUrl(String service) {
        return databases.get(index(service)).jdbcUrl();
    }

    /** A running component's process and its descendants (a service, or {@code gateway}), for CPU and memory readings. */
    public List<ProcessHandle> processes(String component) {
        ChildProcess child = component.equals("gateway") ? gateway : services.get(component);
        return child == null ? List.of() : child.handles();
    }

    /** The PostgreSQL server processes (postmasters) of the three databases that run, for CPU readings. */
    public List<ProcessHandle> databaseServers() {
        return databases.stream().map(d -> ProcessHandle.of(d.pid())).flatMap(java.util.Optional::stream).toList();
    }

    /** Stops a service and starts it again without waiting: the caller times the way to its first answer. */
    public void restartServiceUnwaited(String service) {
        ChildProcess child = services.get(service);
        child.stop();
        child.spawn();
    }

    /**
     * Stops a service and starts it again with these settings over its own (e.g. {@code CHORUS_WARMUP_SECONDS}),
     * without waiting; they stay for later restarts. Not under supervision (the benchmark's stack).
     */
    public void restartServiceUnwaited(String service, Map<String, String> overrides) {
        if (supervisor != null) {
            throw new IllegalStateException("restarting with other settings is for an unsupervised stack");
        }
        ChildProcess child = services.get(service);
        child.stop();
        ChildProcess replaced = child.with(overrides);
        services.put(service, replaced);
        replaced.spawn();
    }

    /** A second process of a service: its GraphQL endpoint; {@link #close()} stops it. */
    public record Replica(URI url, ChildProcess process) implements AutoCloseable {
        @Override
        public void close() {
            process.stop();
        }
    }

    /**
     * Starts a second process of a service on this port and the same database, as another replica in Kubernetes
     * would run (not behind the gateway, not supervised), and waits until it is ready.
     */
    public Replica startReplica(String service, int port) {
        String base = "http://localhost:" + port;
        ChildProcess replica = services.get(service).copy(service + "-replica",
                Map.of("CHORUS_HTTP_PORT", Integer.toString(port)), logs().resolve(service + "-replica.log"),
                URI.create(base + "/q/health/ready"), URI.create(base + "/q/health/live"));
        replica.start();
        return new Replica(URI.create(base + "/graphql"), replica);
    }

    /** Waits until a service answers ready ({@code /q/health/ready}, which includes its warm-up and its limit). */
    public void awaitServiceReady(String service, Duration warmupLimit) {
        services.get(service).awaitReady(START_TIMEOUT.plus(warmupLimit));
    }

    /** Stops the gateway and starts it again without waiting. */
    public void restartGatewayUnwaited() {
        gateway.stop();
        gateway.spawn();
    }

    public URI serviceUrl(String service) {
        return URI.create("http://localhost:" + settings.servicePorts().get(index(service)) + "/graphql");
    }

    public Path logs() {
        return settings.state().resolve("logs");
    }

    /** A requested stop of a service: it stays down (nothing restarts it) until {@link #startService}. */
    public void stopService(String service) {
        stop(services.get(service));
    }

    public void startService(String service) {
        start(services.get(service));
    }

    /** Stops a service's PostgreSQL (the service keeps running, as when its database goes down). */
    public void stopDatabase(String service) {
        stop(databases.get(index(service)));
    }

    /** Starts a stopped service's PostgreSQL again, on its data and port. */
    public void startDatabase(String service) {
        start(databases.get(index(service)));
    }

    private void stop(Supervisor.Component component) {
        if (supervisor != null) {
            supervisor.stop(component.name());
        } else {
            component.stop();
        }
    }

    private void start(Supervisor.Component component) {
        if (supervisor != null) {
            supervisor.start(component.name());
        } else {
            component.start();
        }
    }

    /** The process id of a running component, or -1: for tests that kill or stop it as a crash or a hang would. */
    public long pid(String component) {
        for (Supervisor.Component c : components()) {
            if (c.name().equals(component)) {
                return c.pid();
            }
        }
        throw new IllegalArgumentException("no component " + component);
    }

    private List<Supervisor.Component> components() {
        List<Supervisor.Component> all = new ArrayList<>(databases);
        all.addAll(services.values());
        if (gateway != null) {
            all.add(gateway);
        }
        return all;
    }

    /** Restarts the gateway with these settings over the stack's (e.g. {@code CHORUS_INTROSPECTION=false}). */
    public void restartGateway(Map<String, String> overrides) {
        if (supervisor != null) {
            supervisor.stop("gateway");
        } else {
            gateway.stop();
        }
        gateway = gatewayProcess(overrides);
        if (supervisor != null) {
            supervisor.replace(gateway);
        } else {
            gateway.start();
        }
    }

    private ChildProcess gatewayProcess(Map<String, String> overrides) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORT", Integer.toString(settings.gatewayPort()));
        env.put("CHORUS_UPSTREAM_TIMEOUT_MS", Long.toString(settings.upstreamTimeout().toMillis()));
        env.put("CHORUS_JWT_PUBLIC_KEY_FILE", LocalKeys.ensure(settings.state()).toString());
        env.putAll(settings.environment());
        env.putAll(overrides);
        for (int i = 0; i < SERVICES.size(); i++) {
            env.put(SERVICES.get(i).gatewayVariable(), "http://localhost:" + settings.servicePorts().get(i) + "/graphql");
        }
        Path gatewayDirectory = settings.root().resolve("gateway");
        return new ChildProcess("gateway", List.of("node", "node_modules/.bin/hive-gateway", "supergraph",
                "-c", "gateway.config.mjs"), env, gatewayDirectory, logs().resolve("gateway.log"),
                URI.create("http://localhost:" + settings.gatewayPort() + "/readiness"),
                URI.create("http://localhost:" + settings.gatewayPort() + "/healthcheck"));
    }

    private void startAll() {
        Path data = settings.state().resolve("data");
        Path marker = settings.state().resolve("demo-data-loaded");
        try {
            if (settings.fresh()) {
                progress.accept("--fresh: deleting " + data);
                for (Service service : SERVICES) {
                    EmbeddedPostgresServer.stopLeftoverServer(data.resolve(service.database()));
                }
                deleteTree(data);
                Files.deleteIfExists(marker);
                Files.deleteIfExists(settings.state().resolve("demo-clock"));
            }
            Files.createDirectories(data);
            Files.createDirectories(logs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        requireBuilt();
        Path publicKey = LocalKeys.ensure(settings.state());

        for (int i = 0; i < SERVICES.size(); i++) {
            Service service = SERVICES.get(i);
            int port = settings.databasePorts().get(i);
            requireOpen();
            progress.accept("starting PostgreSQL for " + service.name() + " on port " + port);
            DatabaseProcess database = new DatabaseProcess(service.database() + "-db", data.resolve(service.database()),
                    port, service.database(), settings.statementStatistics());
            databases.add(database);
            database.start();
        }

        for (int i = 0; i < SERVICES.size(); i++) {
            Service service = SERVICES.get(i);
            int port = settings.servicePorts().get(i);
            requireOpen();
            progress.accept("starting " + service.name() + " on port " + port);
            Map<String, String> env = new LinkedHashMap<>(settings.environment());
            env.putAll(Map.of(
                    "CHORUS_JWT_PUBLIC_KEY_LOCATION", publicKey.toUri().toString(),
                    "CHORUS_HTTP_PORT", Integer.toString(port),
                    "CHORUS_DB_HOST", "localhost",
                    "CHORUS_DB_PORT", Integer.toString(settings.databasePorts().get(i)),
                    "CHORUS_DB_NAME", service.database(),
                    "CHORUS_DB_USER", EmbeddedPostgresServer.USER,
                    "CHORUS_DB_PASSWORD", EmbeddedPostgresServer.PASSWORD));
            ChildProcess child = new ChildProcess(service.name(),
                    List.of(javaCommand(), "-Xmx256m", "-jar", jar(service).toString()), env,
                    settings.root().resolve(service.name()), logs().resolve(service.name() + ".log"),
                    URI.create("http://localhost:" + port + "/q/health/ready"),
                    URI.create("http://localhost:" + port + "/q/health/live"));
            services.put(service.name(), child);
            child.spawn();
        }
        for (ChildProcess child : services.values()) {
            child.awaitReady(START_TIMEOUT);
            progress.accept(child.name + " is ready");
        }

        requireOpen();
        progress.accept("starting the gateway on port " + settings.gatewayPort());
        gateway = gatewayProcess(Map.of());
        gateway.start();
        progress.accept("gateway is ready");

        if (settings.demoData() && !Files.exists(marker)) {
            progress.accept("loading the demo data (first start)");
            try {
                Path clockFile = settings.state().resolve("demo-clock");
                if (!Files.exists(clockFile)) { // kept, so that a load interrupted and repeated sends the same requests
                    Files.writeString(clockFile, java.time.OffsetDateTime.now().toString());
                }
                DemoData.load(name -> LocalKeys.ROLES.contains(name) ? gatewayAs(name, name + "-demo-data", null)
                        : gatewayAs("user", name, null), progress,
                        java.time.OffsetDateTime.parse(Files.readString(clockFile).strip()));
                Files.writeString(marker, "loaded\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                throw new StackException("demo data", String.valueOf(e.getMessage())
                        + " (an interrupted load completes on the next start; ./chorus up --fresh starts over)",
                        logs().resolve("gateway.log"));
            }
        }
    }

    /** Once closed (Ctrl-C during the start), nothing more starts. */
    private void requireOpen() {
        if (closed) {
            throw new StackException("stack", "stopped while starting", null);
        }
    }

    private void requireBuilt() {
        for (Service service : SERVICES) {
            if (!Files.exists(jar(service))) {
                throw new StackException(service.name(), jar(service) + " is missing: build with ./mvnw install -DskipTests",
                        null);
            }
        }
        if (!Files.exists(settings.root().resolve("gateway/node_modules/.bin/hive-gateway"))) {
            throw new StackException("gateway", "gateway/node_modules is missing: build with ./mvnw install -DskipTests",
                    null);
        }
    }

    private Path jar(Service service) {
        return settings.root().resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private static int index(String service) {
        for (int i = 0; i < SERVICES.size(); i++) {
            if (SERVICES.get(i).name().equals(service)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no service " + service);
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Stops the gateway, then the services, then the databases. */
    @Override
    public void close() {
        Supervisor watching;
        synchronized (this) {
            closed = true;
            watching = supervisor;
        }
        if (watching != null) {
            watching.close(); // first: nothing is restarted or reported as failed while everything stops
        }
        stopAll();
    }

    private synchronized void stopAll() {
        if (gateway != null) {
            gateway.stop();
        }
        List<ChildProcess> reversed = new ArrayList<>(services.values());
        java.util.Collections.reverse(reversed);
        reversed.forEach(ChildProcess::stop);
        for (DatabaseProcess database : databases) {
            try {
                database.stop();
            } catch (RuntimeException e) {
                progress.accept("could not stop a database cleanly: " + e.getMessage());
            }
        }
        databases.clear();
    }

    static int freePort() {
        return dev.chorus.postgres.FreePorts.pick();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
