package dev.chorus.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.chorus.test.GraphQLClient;
import dev.chorus.test.PostgresTestResource;
import dev.chorus.test.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A newer version's migration changes the schema while this one runs (a rolling deploy). Adding a column changes
 * nothing: reads name their columns ({@code Columns}), never {@code e.*}. A column whose type changes makes
 * PostgreSQL refuse, once per connection, the statements prepared before: that costs the request a retry
 * (UNAVAILABLE, "try again"), never an INTERNAL error, and the retry answers. In an application of its own (a test
 * profile), so that no other test meets a statement this one's schema changes made stale.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(SchemaChangeTest.OwnApplication.class)
class SchemaChangeTest {
    public static class OwnApplication implements QuarkusTestProfile {
    }

    static final String LIST = "{ events(first: 3) { edges { node { id title venue { name } } } } }";

    @Test
    void aColumnAddedOrRetypedUnderTheRunningServiceCostsAtMostARetryNeverAnInternalError() {
        Events.publishedEvent(10, 48);
        for (int i = 0; i < 10; i++) {
            GraphQLClient.ok(LIST); // prepared and cached on the connections these use
        }
        try {
            TestDatabase.sql("alter table event add column schema_change_probe int");
            TestDatabase.sql("alter table venue add column schema_change_probe int");
            for (int i = 0; i < 10; i++) {
                GraphQLClient.ok(LIST); // an added column is not read, so nothing changed for these statements
            }

            TestDatabase.sql("alter table event alter column title type varchar(1000)");
            int retries = 0;
            int answers = 0;
            for (int i = 0; i < 40 && answers < 10; i++) {
                JsonPath answer = GraphQLClient.post(LIST, Map.of());
                if (answer.getList("errors") == null) {
                    assertTrue(answer.getList("data.events.edges").size() >= 1, answer.prettify());
                    answers++;
                } else {
                    assertEquals("UNAVAILABLE", answer.getString("errors[0].extensions.code"), answer.prettify());
                    assertTrue(answer.getString("errors[0].message").contains("try again"), answer.prettify());
                    retries++;
                }
            }
            assertTrue(retries >= 1, "the retyped column reached a statement prepared before");
            assertTrue(retries <= 20, "each connection's stale statement is refused once, then dropped: " + retries);
            assertEquals(10, answers, "the retries answered");
        } finally {
            TestDatabase.sql("alter table event drop column if exists schema_change_probe");
            TestDatabase.sql("alter table venue drop column if exists schema_change_probe");
            TestDatabase.sql("alter table event alter column title type text");
        }
    }
}
