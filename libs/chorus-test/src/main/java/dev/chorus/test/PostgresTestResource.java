package dev.chorus.test;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import dev.chorus.postgres.EmbeddedPostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a {@code @QuarkusTest} a real PostgreSQL database: a fresh embedded server per test run, or the server
 * named by {@code CHORUS_TEST_DB_URL} (a JDBC URL, with {@code CHORUS_TEST_DB_USER} and
 * {@code CHORUS_TEST_DB_PASSWORD}). Returns both the JDBC URL (Flyway) and the reactive one (Hibernate
 * Reactive). The statement-count tests need pg_stat_statements preloaded on an external server.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
    static final String DATABASE = "chorus_test";

    private EmbeddedPostgresServer server;

    @Override
    public Map<String, String> start() {
        String external = System.getenv("CHORUS_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            String jdbc = external.startsWith("jdbc:") ? external : "jdbc:" + external;
            return properties(jdbc, jdbc.substring("jdbc:".length()),
                    System.getenv().getOrDefault("CHORUS_TEST_DB_USER", "postgres"),
                    System.getenv().getOrDefault("CHORUS_TEST_DB_PASSWORD", ""));
        }
        Path dataDirectory = Path.of("target", "embedded-postgres", UUID.randomUUID().toString()).toAbsolutePath();
        server = EmbeddedPostgresServer.start(dataDirectory, 0, false, false, true);
        server.createDatabase(DATABASE);
        return properties(server.jdbcUrl(DATABASE), server.reactiveUrl(DATABASE), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
    }

    private static Map<String, String> properties(String jdbcUrl, String reactiveUrl, String user, String password) {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.reactive.url", reactiveUrl,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
