package dev.chorus.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.chorus.test.GraphQLClient;
import dev.chorus.test.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class LineupTest {
    static final String LINEUP = "mutation($input: SetLineupInput!) { setLineup(input: $input) { lineup { position "
            + "creator { ref } role startsAt } } }";
    static final String SETLIST = "mutation($input: SetSetlistInput!) { setSetlist(input: $input) { setlist { position work { ref } } } }";
    static final String PERFORMANCES = "query($r: [_Any!]!, $u: Boolean) { _entities(representations: $r) { ... on Creator { "
            + "performances(upcoming: $u) { totalCount edges { node { role event { id title } } } } } } }";

    @Test
    void lineUpsAndSetlistsAreOrderedAndReachableFromCreatorsAndWorks() {
        String event = Events.publishedEvent(10, 24);
        String headliner = UUID.randomUUID().toString();
        String host = UUID.randomUUID().toString();
        JsonPath lineup = GraphQLClient.ok(LINEUP, Map.of("input", Map.of("eventId", event, "slots", List.of(
                Map.of("creatorId", host, "role", "HOST"),
                Map.of("creatorId", headliner, "role", "HEADLINER", "startsAt", Events.now().plusHours(25).toString())))));
        assertEquals(List.of(1, 2), lineup.getList("data.setLineup.lineup.position"));
        assertEquals(List.of(host, headliner), lineup.getList("data.setLineup.lineup.creator.ref"));

        String song = UUID.randomUUID().toString();
        String encore = UUID.randomUUID().toString();
        JsonPath setlist = GraphQLClient.ok(SETLIST, Map.of("input", Map.of("eventId", event, "workIds", List.of(song, encore))));
        assertEquals(List.of(song, encore), setlist.getList("data.setSetlist.setlist.work.ref"));

        JsonPath performances = GraphQLClient.ok(PERFORMANCES, Map.of("r", List.of(Map.of("__typename", "Creator", "ref", headliner)),
                "u", true));
        assertEquals(List.of(event), performances.getList("data._entities[0].performances.edges.node.event.id"));
        assertEquals("HEADLINER", performances.getString("data._entities[0].performances.edges[0].node.role"));
        assertEquals(0, GraphQLClient.ok(PERFORMANCES, Map.of("r", List.of(Map.of("__typename", "Creator", "ref", headliner)),
                "u", false)).getInt("data._entities[0].performances.totalCount"));

        JsonPath performedAt = GraphQLClient.ok("query($r: [_Any!]!) { _entities(representations: $r) { ... on Work { "
                + "performedAt { totalCount edges { node { id } } } } } }",
                Map.of("r", List.of(Map.of("__typename", "Work", "ref", encore))));
        assertEquals(List.of(event), performedAt.getList("data._entities[0].performedAt.edges.node.id"));
    }

    @Test
    void duplicatesAndSlotsOutsideTheEventAreRefused() {
        String event = Events.publishedEvent(10, 24);
        String creator = UUID.randomUUID().toString();
        GraphQLClient.fails("BAD_USER_INPUT", "slots[1]", LINEUP, Map.of("input", Map.of("eventId", event, "slots",
                List.of(Map.of("creatorId", creator, "role", "GUEST"), Map.of("creatorId", creator, "role", "GUEST")))));
        GraphQLClient.fails("BAD_USER_INPUT", "slots[0].startsAt", LINEUP, Map.of("input", Map.of("eventId", event,
                "slots", List.of(Map.of("creatorId", creator, "role", "GUEST", "startsAt", Events.now().toString())))));
        String work = UUID.randomUUID().toString();
        GraphQLClient.fails("BAD_USER_INPUT", "workIds[1]", SETLIST, Map.of("input", Map.of("eventId", event,
                "workIds", List.of(work, work))));
        assertEquals(List.of(), GraphQLClient.ok("query($id: ID!) { event(id: $id) { lineup { role } setlist { position } } }",
                Map.of("id", event)).getList("data.event.lineup"));
    }
}
