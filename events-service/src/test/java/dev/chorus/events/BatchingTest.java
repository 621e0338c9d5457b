package dev.chorus.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.chorus.test.GraphQLClient;
import dev.chorus.test.PostgresTestResource;
import dev.chorus.test.SqlStatementCounter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class BatchingTest {
    static final String PERFORMANCES = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Creator { ref "
            + "performances(upcoming: true, first: 5) { totalCount edges { node { role event { id seatsRemaining "
            + "venue { name } lineup { creator { ref } } setlist { work { ref } } } } } } } } }";

    private static List<String> creators;

    @BeforeEach
    void fiftyCreatorsEachPerformingAtTwoEvents() {
        if (creators != null) {
            return; // made once for the class; the tests only read
        }
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(Events.publishedEvent(100, 24 + i));
        }
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            made.add(UUID.randomUUID().toString());
        }
        for (int e = 0; e < events.size(); e++) {
            List<Map<String, Object>> slots = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                if (i % 5 == e || (i + 1) % 5 == e) {
                    slots.add(Map.of("creatorId", made.get(i), "role", "GUEST"));
                }
            }
            GraphQLClient.ok(LineupTest.LINEUP, Map.of("input", Map.of("eventId", events.get(e), "slots", slots)));
            GraphQLClient.ok(LineupTest.SETLIST, Map.of("input", Map.of("eventId", events.get(e),
                    "workIds", List.of(UUID.randomUUID().toString()))));
        }
        creators = made;
    }

    private long statementsFor(int count, SqlStatementCounter sql) {
        List<Map<String, Object>> representations = creators.subList(0, count).stream()
                .map(id -> Map.<String, Object> of("__typename", "Creator", "ref", id)).toList();
        sql.reset();
        JsonPath answer = GraphQLClient.ok(PERFORMANCES, Map.of("r", representations));
        long statements = sql.count();
        for (int i = 0; i < count; i++) {
            assertEquals(2, answer.getInt("data._entities[" + i + "].performances.totalCount"));
            assertEquals(1, answer.getList("data._entities[" + i + "].performances.edges[0].node.event.setlist").size());
        }
        return statements;
    }

    @Test
    void creatorPerformancesForFiftyCreatorsCostTheSameStatementsAsForOne() {
        try (SqlStatementCounter sql = SqlStatementCounter.forApplicationDatabase()) {
            long one = statementsFor(1, sql);
            long fifty = statementsFor(50, sql);
            assertEquals(one, fifty, "statements for 1 and for 50 creators");
        }
    }
}
