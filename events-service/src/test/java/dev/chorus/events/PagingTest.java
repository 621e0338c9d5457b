package dev.chorus.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.chorus.test.Client;
import dev.chorus.test.GraphQLClient;
import dev.chorus.test.Pages;
import dev.chorus.test.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Venues (by name), events (by start) and registrations (by queue number) followed to the end by their cursors. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class PagingTest {

    @Test
    void venuesEventsAndRegistrationsAreFollowedToTheEnd() {
        String city = Events.newCity("Paging");
        List<String> venues = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            venues.add(Events.venue(city, 100));
        }
        List<String> byName = Pages.follow("query($c: String, $after: String) { venues(city: $c, first: 1, "
                + "after: $after) { edges { cursor node { id } } pageInfo { hasNextPage } } }", Map.of("c", city),
                "after", "data.venues", "node.id");
        assertEquals(3, byName.size());
        assertEquals(new java.util.HashSet<>(venues), new java.util.HashSet<>(byName), "each venue once");

        List<String> events = new ArrayList<>();
        for (int i = 3; i >= 1; i--) { // created latest first: the list is soonest first
            String id = Events.createEvent(Events.event(venues.get(0), 2, 24L * i));
            GraphQLClient.ok(Events.PUBLISH, Map.of("id", id));
            events.add(0, id);
        }
        assertEquals(events, Pages.follow("query($c: String, $after: String) { events(filter: {city: $c}, first: 1, "
                + "after: $after) { edges { cursor node { id } } pageInfo { hasNextPage } } }", Map.of("c", city),
                "after", "data.events", "node.id"), "soonest first, each once");

        List<String> registrations = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            registrations.add(Client.user("paging-" + UUID.randomUUID(), "user").ok(Events.REGISTER,
                    Map.of("e", events.get(0))).getString("data.registerForEvent.id"));
        }
        assertEquals(registrations, Pages.follow("query($e: ID!, $after: String) { event(id: $e) { "
                + "registrations(first: 1, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage } } } }",
                Map.of("e", events.get(0)), "after", "data.event.registrations", "node.id"), "in queue order, each once");
    }

    @Test
    void eventsSoonestOrLatestFirstWithTiesBrokenByIdAcrossPages() {
        String city = Events.newCity("Order");
        String venue = Events.venue(city, 100);
        String early = Events.createEvent(Events.event(venue, 2, 24));
        Map<String, Object> sameStart = Events.event(venue, 2, 48);
        List<String> tied = new ArrayList<>(List.of(Events.createEvent(sameStart), Events.createEvent(sameStart)));
        for (String id : List.of(early, tied.get(0), tied.get(1))) {
            GraphQLClient.ok(Events.PUBLISH, Map.of("id", id));
        }
        tied.sort(null);
        List<String> soonest = List.of(early, tied.get(0), tied.get(1));
        List<String> latest = List.of(tied.get(1), tied.get(0), early);
        String query = "query($c: String, $o: EventOrder, $first: Int, $after: String) { events(filter: {city: $c}, "
                + "orderBy: $o, first: $first, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage } } }";
        java.util.function.BiFunction<String, Integer, List<String>> all = (order, first) -> {
            Map<String, Object> v = new java.util.HashMap<>(Map.of("c", city));
            v.put("o", order);
            v.put("first", first);
            return first == 1 ? Pages.follow(query, v, "after", "data.events", "node.id")
                    : GraphQLClient.ok(query, v).getList("data.events.edges.node.id");
        };
        assertEquals(soonest, all.apply(null, 10), "soonest first by default, a tie by id");
        assertEquals(soonest, all.apply("SOONEST", 1));
        assertEquals(latest, all.apply("LATEST", 10));
        assertEquals(latest, all.apply("LATEST", 1), "one per page across the tie");
        Map<String, Object> wrong = new java.util.HashMap<>(Map.of("c", city, "o", "LOUDEST"));
        assertEquals("BAD_USER_INPUT", GraphQLClient.post(query, wrong).getString("errors[0].extensions.code"));
    }
}
