package dev.chorus.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.chorus.postgres.EmbeddedPostgresServer;

/**
 * The SDL a service serves at {@code _service { sdl }}, which the gateway composes the supergraph from. The build
 * writes it ({@link #main}, in each service's {@code package} phase, tests skipped or not): it starts the packaged
 * service on a throw-away embedded PostgreSQL, asks it, and writes {@code target/subgraph/schema.graphql}. So the
 * file is exactly what the service serves, and {@code ./mvnw install -DskipTests} followed by composition works.
 */
public final class SubgraphSchema {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private SubgraphSchema() {
    }

    /** What the service under test serves (in a {@code @QuarkusTest}). */
    public static String served() {
        return GraphQLClient.ok("{ _service { sdl } }").getString("data._service.sdl");
    }

    /** {@code SubgraphSchema <module directory>}: writes its {@code target/subgraph/schema.graphql}. */
    public static void main(String[] args) throws Exception {
        Path module = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path target = module.resolve("target");
        Path jar = target.resolve("quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the service is not packaged");
        }
        Path work = target.resolve("subgraph");
        Files.createDirectories(work);
        Path key = work.resolve("export-key.pem");
        Files.writeString(key, publicKeyPem());
        int port = freePort();
        try (EmbeddedPostgresServer database = EmbeddedPostgresServer.start(work.resolve("pg"), 0, false, false, false)) {
            database.createDatabase("schema_export");
            ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx256m", "-jar", jar.toString())).redirectErrorStream(true)
                    .redirectOutput(work.resolve("export.log").toFile());
            builder.environment().putAll(java.util.Map.of(
                    "CHORUS_HTTP_PORT", Integer.toString(port),
                    "CHORUS_DB_HOST", "localhost",
                    "CHORUS_DB_PORT", Integer.toString(database.port()),
                    "CHORUS_DB_NAME", "schema_export",
                    "CHORUS_DB_USER", EmbeddedPostgresServer.USER,
                    "CHORUS_DB_PASSWORD", EmbeddedPostgresServer.PASSWORD,
                    "CHORUS_JWT_PUBLIC_KEY_LOCATION", key.toUri().toString()));
            Process service = builder.start();
            try {
                String sdl = ask(service, URI.create("http://localhost:" + port + "/graphql"), work.resolve("export.log"));
                Files.writeString(work.resolve("schema.graphql"), sdl, StandardCharsets.UTF_8);
                System.out.println("[subgraph] wrote " + work.resolve("schema.graphql"));
            } finally {
                service.destroy();
                if (!service.waitFor(10, TimeUnit.SECONDS)) {
                    service.destroyForcibly().waitFor();
                }
            }
        }
    }

    /** Asks the starting service for its SDL until it answers (or fails with the end of its log). */
    private static String ask(Process service, URI endpoint, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ _service { sdl } }\"}")).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service exited (code " + service.exitValue() + "); see " + log);
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    JsonNode sdl = new ObjectMapper().readTree(response.body()).at("/data/_service/sdl");
                    if (sdl.isTextual() && !sdl.asText().isBlank()) {
                        return sdl.asText();
                    }
                    throw new IllegalStateException("no SDL in the answer: " + response.body());
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the service did not answer within " + START_TIMEOUT.toSeconds() + " s; see " + log);
    }

    /** A key no token is signed with: the service needs one to start, the export sends no token. */
    private static String publicKeyPem() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(generator.generateKeyPair().getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    private static int freePort() {
        return dev.chorus.postgres.FreePorts.pick();
    }
}
