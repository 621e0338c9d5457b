package dev.chorus.creator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.chorus.test.PostgresTestResource;
import dev.chorus.test.SqlStatementCounter;
import dev.chorus.test.SubgraphSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class FederationTest {
    static final String ENTITIES = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Creator { id handle } } }";

    @Test
    void theServedSdlIsFederationTwoWithCreatorAsAnEntity() {
        String sdl = SubgraphSchema.served();
        assertTrue(sdl.contains("@link(import : [\"@key\""), sdl);
        assertTrue(sdl.contains("url : \"https://specs.apollo.dev/federation/v2.7\""), sdl);
        assertTrue(sdl.contains("type Creator @key(fields : \"id\") @key(fields : \"ref\")"), sdl);
        assertTrue(sdl.contains("type PageInfo @shareable"), sdl);
    }

    @Test
    void fiftyRepresentationsAnswerInOrderWithNullsInOneStatement() {
        List<String> known = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            known.add(GraphQL.register(GraphQL.uniqueHandle("entity" + i)));
        }
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            asked.add(switch (i % 5) {
                case 0, 1 -> known.get(i % known.size());          // known, and repeated
                case 2 -> known.get((i * 7) % known.size());       // known, other order
                case 3 -> UUID.randomUUID().toString();            // unknown
                default -> "not-a-uuid-" + i;                      // malformed: unknown too
            });
        }
        List<Map<String, Object>> representations = asked.stream()
                .map(id -> Map.<String, Object> of("__typename", "Creator", "id", id)).toList();

        JsonPath answer;
        try (SqlStatementCounter sql = SqlStatementCounter.forApplicationDatabase()) {
            sql.reset();
            answer = GraphQL.ok(ENTITIES, Map.of("r", representations));
            assertEquals(1, sql.count(), "one SQL statement for all 50 representations");
        }
        List<Map<String, Object>> entities = answer.getList("data._entities");
        assertEquals(50, entities.size());
        for (int i = 0; i < 50; i++) {
            if (known.contains(asked.get(i))) {
                assertEquals(asked.get(i), entities.get(i).get("id"), "entity " + i);
            } else {
                assertNull(entities.get(i), "entity " + i);
            }
        }
    }
}
