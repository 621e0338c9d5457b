package dev.chorus.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.chorus.test.Client;
import dev.chorus.test.GraphQLClient;
import dev.chorus.test.PostgresTestResource;
import dev.chorus.test.SqlStatementCounter;
import dev.chorus.test.SubgraphSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class FederationTest {

    @Test
    void theServedSdlIsFederationTwoWithEventVenueAndTheStubs() {
        String sdl = SubgraphSchema.served();
        assertTrue(sdl.contains("url : \"https://specs.apollo.dev/federation/v2.7\""), sdl);
        assertTrue(sdl.contains("type Event @key(fields : \"id\") @key(fields : \"ref\")"), sdl);
        assertTrue(sdl.contains("type Venue @key(fields : \"id\")"), sdl);
        assertTrue(sdl.contains("type Creator @key(fields : \"ref\")"), sdl);
        assertTrue(sdl.contains("type Work @key(fields : \"ref\")"), sdl);
        assertTrue(sdl.contains("type PageInfo @shareable"), sdl);
    }

    @Test
    void entitiesOfFourTypesInOneRequestAnswerInOrderWithOneStatementPerStoredType() {
        List<String> venues = new ArrayList<>();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String venue = Events.venue("Shenzhen", 100);
            venues.add(venue);
            events.add(Events.createEvent(Events.event(venue, 10, 24 + i)));
        }
        List<Map<String, Object>> representations = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String event = i % 5 == 4 ? UUID.randomUUID().toString() : events.get(i % 4);
            String venue = i % 7 == 6 ? "bad" : venues.get((i * 3) % 4);
            String creator = UUID.randomUUID().toString();
            String work = UUID.randomUUID().toString();
            representations.add(Map.of("__typename", "Event", "id", event));
            representations.add(Map.of("__typename", "Venue", "id", venue));
            representations.add(Map.of("__typename", "Creator", "ref", creator));
            representations.add(Map.of("__typename", "Work", "ref", work));
            expected.add(events.contains(event) ? event : null);
            expected.add(venues.contains(venue) ? venue : null);
            expected.add(creator);
            expected.add(work);
        }
        JsonPath answer;
        try (SqlStatementCounter sql = SqlStatementCounter.forApplicationDatabase()) {
            sql.reset();
            answer = GraphQLClient.ok("query($r: [_Any!]!) { _entities(representations: $r) { ... on Event { id } "
                    + "... on Venue { id } ... on Creator { creatorRef: ref } ... on Work { workRef: ref } } }", Map.of("r", representations));
            assertEquals(2, sql.count(), "one statement for events, one for venues, none for the stubs");
        }
        List<Map<String, Object>> entities = answer.getList("data._entities");
        assertEquals(200, entities.size());
        for (int i = 0; i < 200; i++) {
            if (expected.get(i) == null) {
                assertNull(entities.get(i), "entity " + i);
            } else {
                Object id = entities.get(i).containsKey("workRef") ? entities.get(i).get("workRef")
                        : entities.get(i).containsKey("creatorRef") ? entities.get(i).get("creatorRef")
                        : entities.get(i).get("id");
                assertEquals(expected.get(i), id, "entity " + i);
            }
        }
    }

    @Test
    void anEventHeldByRefElsewhereIsAnsweredOnlyToThoseWhoMaySeeIt() {
        String published = Events.publishedEvent(10, 48);
        String draft = Events.createEvent(Events.event(Events.venue("Chengdu", 100), 10, 48));
        String missing = UUID.randomUUID().toString();
        List<Map<String, Object>> refs = List.of(Map.of("__typename", "Event", "ref", published),
                Map.of("__typename", "Event", "ref", draft), Map.of("__typename", "Event", "ref", missing),
                Map.of("__typename", "Event", "ref", "not-an-id"));
        String query = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Event { id title } } }";
        JsonPath anyone = Client.anonymous().ok(query, Map.of("r", refs));
        assertEquals(published, anyone.getString("data._entities[0].id"));
        assertNull(anyone.get("data._entities[1]"), "a draft does not exist for the public, its id included");
        assertNull(anyone.get("data._entities[2]"));
        assertNull(anyone.get("data._entities[3]"));
        assertEquals(draft, GraphQLClient.ok(query, Map.of("r", refs)).getString("data._entities[1].id"));
    }
}
