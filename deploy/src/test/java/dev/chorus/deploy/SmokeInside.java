package dev.chorus.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.chorus.postgres.EmbeddedPostgresServer;
import dev.chorus.stack.GraphQLHttp;
import dev.chorus.stack.LocalKeys;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The deployment smoke test's inside: runs in a private network and mount namespace ({@link SmokeTest}) whose
 * /etc/hosts maps every Service name of the dev overlay to its own loopback address. Starts the three services
 * and the gateway with the environment their rendered Deployments give them, each bound to its "pod" address,
 * and asks the gateway, by its Service name, a query that needs all three subgraphs. Exits 0 when it answers.
 */
public final class SmokeInside {
    /** The "pod" address of each component; SmokeTest writes the same into the hosts file. */
    static final Map<String, String> ADDRESSES = new LinkedHashMap<>();
    static {
        ADDRESSES.put("gateway", "127.0.0.10");
        ADDRESSES.put("creator-service", "127.0.0.11");
        ADDRESSES.put("content-service", "127.0.0.12");
        ADDRESSES.put("events-service", "127.0.0.13");
        ADDRESSES.put("creators-db", "127.0.0.21");
        ADDRESSES.put("content-db", "127.0.0.22");
        ADDRESSES.put("events-db", "127.0.0.23");
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Process> processes = new ArrayList<>();
    /** Each service's warm-up limit (CHORUS_WARMUP_SECONDS) as its ConfigMap sets it. */
    private final Map<String, Integer> warmupLimit = new java.util.HashMap<>();
    private final Path root;
    private final Path work;
    private final List<HasMetadata> objects;

    private SmokeInside(Path root, Path work, List<HasMetadata> objects) {
        this.root = root;
        this.work = work;
        this.objects = objects;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path work = Path.of(args[1]);
        SmokeInside smoke = new SmokeInside(root, work, Checks.parse(Files.readString(Path.of(args[2]))));
        try {
            smoke.run();
            System.out.println("SMOKE OK");
        } finally {
            smoke.stopAll();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        // what the db-credentials Job would generate: one role per database, a random password
        Map<String, Map<String, String>> secrets = new LinkedHashMap<>();
        SecureRandom random = new SecureRandom();
        for (String db : Checks.DATABASES.values()) {
            byte[] password = new byte[16];
            random.nextBytes(password);
            secrets.put(db + "-db-credentials", Map.of("username", db, "password", HexFormat.of().formatHex(password)));
        }
        // one PostgreSQL for the three database Services (each name is its own address); each role reaches only
        // its own database
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(work.resolve("postgres"), 5432, false, false,
                false, Map.of("listen_addresses", "*"));
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("postgres"), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD); Statement sql = c.createStatement()) {
            for (String db : Checks.DATABASES.values()) {
                String password = secrets.get(db + "-db-credentials").get("password");
                sql.execute("create role " + db + " login password '" + password + "'");
                sql.execute("create database " + db + " owner " + db);
                sql.execute("revoke connect on database " + db + " from public");
            }
        }

        // the token issuer is outside the cluster: a key of our own stands for its key set
        Path state = work.resolve("issuer");
        Path publicKey = LocalKeys.ensure(state);
        ConfigMap identity = (ConfigMap) find("ConfigMap", "chorus-identity");
        String issuer = identity.getData().get("CHORUS_JWT_ISSUER");
        String audience = identity.getData().get("CHORUS_JWT_AUDIENCE");

        for (String service : Checks.DATABASES.keySet()) {
            Deployment deployment = (Deployment) find("Deployment", service);
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            Map<String, String> env = environment(container, secrets);
            warmupLimit.put(service, Integer.parseInt(env.getOrDefault("CHORUS_WARMUP_SECONDS", "0")));
            env.put("CHORUS_JWT_PUBLIC_KEY_LOCATION", publicKey.toUri().toString());
            env.put("QUARKUS_HTTP_HOST", ADDRESSES.get(service));
            start(service, List.of(javaBinary(), "-Xmx256m", "-jar",
                    root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar").toString()), env, root);
        }
        for (String service : Checks.DATABASES.keySet()) {
            awaitReady(service, (Deployment) find("Deployment", service), warmupLimit.getOrDefault(service, 0));
        }

        Deployment gateway = (Deployment) find("Deployment", "gateway");
        Map<String, String> env = environment(gateway.getSpec().getTemplate().getSpec().getContainers().get(0), secrets);
        // the supergraph ConfigMap's file, where the Deployment mounts it
        ConfigMap supergraph = objects.stream().filter(o -> o instanceof ConfigMap && o.getMetadata().getName()
                .startsWith("gateway-supergraph-")).map(ConfigMap.class::cast).findFirst().orElseThrow();
        Path mounted = work.resolve("supergraph/supergraph.graphql");
        Files.createDirectories(mounted.getParent());
        Files.writeString(mounted, supergraph.getData().get("supergraph.graphql"));
        env.put("CHORUS_SUPERGRAPH", mounted.toString());
        start("gateway", List.of("node", "node_modules/.bin/hive-gateway", "supergraph", "-c", "gateway.config.mjs"),
                env, root.resolve("gateway"));
        awaitReady("gateway", gateway, 0);

        // data, written as staff straight to each service by its Service name, then read through the gateway
        String staff = LocalKeys.token(state, issuer, audience, "staff", "smoke-staff", null, Duration.ofMinutes(10));
        GraphQLHttp creators = new GraphQLHttp(URI.create("http://creator-service:8081/graphql")).as(staff);
        GraphQLHttp content = new GraphQLHttp(URI.create("http://content-service:8082/graphql")).as(staff);
        GraphQLHttp events = new GraphQLHttp(URI.create("http://events-service:8083/graphql")).as(staff);
        String creator = creators.data("mutation { registerCreator(input: {handle: \"smoke_test\", displayName: "
                + "\"Smoke\", kind: PERSON}) { id } }").at("/registerCreator/id").asText();
        String work = content.data("mutation($c: ID!) { createWork(input: {title: \"Smoke Song\", kind: ORIGINAL, "
                + "durationSeconds: 180, credits: [{creatorId: $c, role: PERFORMER}]}) { id } }", Map.of("c", creator))
                .at("/createWork/id").asText();
        content.data("mutation($w: ID!) { publishWork(input: {id: $w}) { id } }", Map.of("w", work));
        String venue = events.data("mutation { createVenue(input: {name: \"Smoke Hall\", city: \"上海\", address: \"1 Rd\", "
                + "maxCapacity: 100}) { id } }").at("/createVenue/id").asText();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).truncatedTo(ChronoUnit.MINUTES);
        String event = events.data("mutation($v: ID!, $s: DateTime!, $e: DateTime!, $o: DateTime!) { createEvent(input: "
                + "{title: \"Smoke Live\", kind: CONCERT, organizer: JOINT, venueId: $v, startsAt: $s, endsAt: $e, "
                + "timeZone: \"Asia/Shanghai\", capacity: 50, opensAt: $o, closesAt: $s}) { id } }", Map.of("v", venue,
                        "s", start.toString(), "e", start.plusHours(2).toString(), "o", start.minusDays(1).toString()))
                .at("/createEvent/id").asText();
        events.data("mutation($e: ID!, $c: ID!) { setLineup(input: {eventId: $e, slots: [{creatorId: $c, role: HEADLINER}]}) "
                + "{ id } }", Map.of("e", event, "c", creator));
        events.data("mutation($e: ID!) { publishEvent(input: {id: $e}) { id } }", Map.of("e", event));

        JsonNode answer = new GraphQLHttp(URI.create("http://gateway:4000/graphql")).data("""
                query($c: ID!) { creator(id: $c) { handle
                  works { edges { node { title } } }
                  performances { edges { node { role event { title venue { name } } } } } } }""", Map.of("c", creator));
        check("Smoke Song".equals(answer.at("/creator/works/edges/0/node/title").asText()), answer);
        check("Smoke Live".equals(answer.at("/creator/performances/edges/0/node/event/title").asText()), answer);
        check("smoke_test".equals(answer.at("/creator/handle").asText()), answer);

        // and each service reaches only its own database
        try (Connection own = DriverManager.getConnection("jdbc:postgresql://creators-db:5432/creators", "creators",
                secrets.get("creators-db-credentials").get("password"))) {
            check(own.isValid(2), "creators cannot reach its database");
        }
        try (Connection other = DriverManager.getConnection("jdbc:postgresql://content-db:5432/content", "creators",
                secrets.get("creators-db-credentials").get("password"))) {
            throw new IllegalStateException("the creators role reached the content database");
        } catch (SQLException expected) {
            check(String.valueOf(expected.getMessage()).contains("permission denied"), expected.getMessage());
        }
        postgres.close();
    }

    private static void check(boolean ok, Object detail) {
        if (!ok) {
            throw new IllegalStateException("smoke test failed: " + detail);
        }
    }

    /** The container's environment as Kubernetes gives it: envFrom ConfigMaps, then env (values, Secret keys). */
    private Map<String, String> environment(Container container, Map<String, Map<String, String>> secrets) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", work.toString());
        for (var source : container.getEnvFrom()) {
            env.putAll(((ConfigMap) find("ConfigMap", source.getConfigMapRef().getName())).getData());
        }
        if (container.getEnv() != null) {
            for (EnvVar variable : container.getEnv()) {
                if (variable.getValue() != null) {
                    env.put(variable.getName(), variable.getValue());
                } else {
                    var ref = variable.getValueFrom().getSecretKeyRef();
                    env.put(variable.getName(), secrets.get(ref.getName()).get(ref.getKey()));
                }
            }
        }
        return env;
    }

    private void start(String name, List<String> command, Map<String, String> env, Path directory) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve(name + ".log").toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        processes.add(builder.start());
    }

    /**
     * Polls the container's readiness probe (path and port from the Deployment) at its pod address, then checks
     * that its startup and liveness probes answer 200 too.
     */
    private void awaitReady(String name, Deployment deployment, int warmupSeconds) throws Exception {
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        URI probe = probe(name, container, container.getReadinessProbe());
        // not ready while the warm-up runs: until warm, at most its limit
        long deadline = System.nanoTime() + Duration.ofSeconds(120L + warmupSeconds).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    checkProbes(name, container);
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException(name + " not ready at " + probe + "; see " + work.resolve(name + ".log"));
    }

    private void checkProbes(String name, Container container) throws Exception {
        for (var other : List.of(container.getStartupProbe(), container.getLivenessProbe())) {
            URI uri = probe(name, container, other);
            int status = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            check(status == 200, name + ": probe " + uri + " answered " + status);
        }
    }

    private static URI probe(String name, Container container, io.fabric8.kubernetes.api.model.Probe probe) {
        String portName = probe.getHttpGet().getPort().getStrVal();
        int port = container.getPorts().stream().filter(p -> p.getName().equals(portName)).findFirst().orElseThrow()
                .getContainerPort();
        return URI.create("http://" + ADDRESSES.get(name) + ":" + port + probe.getHttpGet().getPath());
    }

    private HasMetadata find(String kind, String name) {
        HasMetadata found = Checks.find(objects, kind, name);
        if (found == null) {
            throw new IllegalStateException(kind + "/" + name + " not in the render");
        }
        return found;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void stopAll() {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
