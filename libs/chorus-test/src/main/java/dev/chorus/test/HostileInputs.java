package dev.chorus.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import dev.chorus.test.hostile.DatabaseDigest;
import dev.chorus.test.hostile.HostileRequests;
import dev.chorus.test.hostile.HostileSuite;

/**
 * The adversarial suite as each service runs it on itself (its {@code HostileInputTest}): every argument of its
 * schema with hostile values, and the protocol broken every way {@link HostileRequests#protocol} knows, as a
 * caller with every role, so that no refusal is only an authorization check.
 */
public final class HostileInputs {
    private HostileInputs() {
    }

    public static void assertRefusedCleanly(URI endpoint) throws Exception {
        String token = Tokens.valid("hostile-suite", "staff", "ingestion");
        HostileSuite suite = new HostileSuite(endpoint, Map.of("Authorization", "Bearer " + token));
        Map<String, Object> schema = suite.schema();
        HostileRequests requests = new HostileRequests(schema);
        List<HostileRequests.Request> fields = requests.fieldRequests();
        assertTrue(fields.size() > 100, "the schema gave only " + fields.size() + " requests");
        long subscriptions = fields.stream().filter(HostileRequests.Request::subscription).count();
        assertEquals(schema.get("subscriptionType") != null, subscriptions > 0, subscriptions
                + " subscription requests: a schema with subscriptions has them tried too");
        Config config = ConfigProvider.getConfig();
        List<String> problems = suite.fields(fields, DatabaseDigest.of(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse("")));
        problems.addAll(suite.protocol(HostileRequests.protocol(token)));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "hostile-problems.txt"), problems);
        assertEquals(List.of(), problems.size() > 40 ? problems.subList(0, 40) : problems,
                problems.size() + " problems in " + fields.size() + " field requests and the protocol requests");
    }
}
