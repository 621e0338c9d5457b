package dev.chorus.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.chorus.test.Client;
import dev.chorus.test.GraphQLClient;
import dev.chorus.test.PostgresTestResource;
import dev.chorus.test.SqlStatementCounter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Cities as a reference: found by any of their names in either script, case- and width-insensitively, wherever a
 * city is named (a new venue, the venue and event filters, `city(name)`); staff add cities, no name belongs to two.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class CityTest {
    static final String ADD = "mutation($i: AddCityInput!) { addCity(input: $i) { id name localName aliases } }";
    static final String CITY = "query($n: String!) { city(name: $n) { id name localName aliases } }";
    static final String EVENTS_IN = "query($c: String) { events(filter: {city: $c}) { totalCount edges { node { id "
            + "venue { city { name localName aliases } } } } } }";
    static final String VENUES_IN = "query($c: String) { venues(city: $c) { totalCount edges { node { id "
            + "city { id name aliases } } } } }";

    private static Map<String, Object> city(String name, String local, List<String> aliases) {
        Map<String, Object> input = new HashMap<>(Map.of("name", name, "localName", local));
        input.put("aliases", aliases);
        return Map.of("i", input);
    }

    @Test
    void theSeededCitiesAreFoundByEveryNameInBothScripts() {
        JsonPath all = GraphQLClient.ok("{ cities { id name localName } }", Map.of());
        List<String> names = all.getList("data.cities.name");
        assertTrue(names.containsAll(List.of("Shanghai", "Beijing", "Guangzhou", "Chengdu", "Taipei")), names::toString);
        String shanghai = GraphQLClient.ok(CITY, Map.of("n", "Shanghai")).getString("data.city.id");
        for (String name : List.of("上海", "shanghai", " SHANGHAI ", "ＳＨＡＮＧＨＡＩ")) {
            assertEquals(shanghai, GraphQLClient.ok(CITY, Map.of("n", name)).getString("data.city.id"), name);
        }
        JsonPath guangzhou = GraphQLClient.ok(CITY, Map.of("n", "廣州")).setRootPath("data.city");
        assertEquals("Guangzhou", guangzhou.getString("name"));
        assertEquals("广州", guangzhou.getString("localName"));
        assertEquals(List.of("廣州", "Canton"), guangzhou.getList("aliases"));
        assertNull(GraphQLClient.ok(CITY, Map.of("n", "Atlantis")).get("data.city"));
        GraphQLClient.fails("BAD_USER_INPUT", "name", CITY, Map.of("n", "\u200b"));
    }

    @Test
    void anEventIsFoundByItsCityUnderAnyNameAndAVenueNamesItsCityByAnyName() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String name = "Lijiang " + tag;
        String id = GraphQLClient.ok(ADD, city(name, "丽江" + tag, List.of("麗江" + tag, "Lichiang " + tag)))
                .getString("data.addCity.id");
        String venue = Events.venue("麗江" + tag, 100); // named by its traditional-script alias
        String event = Events.createEvent(Events.event(venue, 10, 24));
        GraphQLClient.ok(Events.PUBLISH, Map.of("id", event));

        for (String asked : List.of(name, name.toUpperCase(), "丽江" + tag, "麗江" + tag, "lichiang " + tag)) {
            JsonPath events = GraphQLClient.ok(EVENTS_IN, Map.of("c", asked));
            assertEquals(1, events.getInt("data.events.totalCount"), asked);
            assertEquals(List.of(event), events.getList("data.events.edges.node.id"), asked);
            assertEquals(name, events.getString("data.events.edges[0].node.venue.city.name"));
            assertEquals("丽江" + tag, events.getString("data.events.edges[0].node.venue.city.localName"));
            JsonPath venues = GraphQLClient.ok(VENUES_IN, Map.of("c", asked));
            assertEquals(List.of(venue), venues.getList("data.venues.edges.node.id"), asked);
            assertEquals(id, venues.getString("data.venues.edges[0].node.city.id"));
        }
        assertEquals(0, GraphQLClient.ok(EVENTS_IN, Map.of("c", "Lijiang")).getInt("data.events.totalCount"),
                "a name matches whole, not as a prefix");
    }

    @Test
    void anUnknownCityIsRefusedAndNothingIsWritten() {
        String name = "Nowhere " + UUID.randomUUID();
        JsonPath refused = GraphQLClient.post("mutation($input: CreateVenueInput!) { createVenue(input: $input) { id } }",
                Map.of("input", Map.of("name", "Ghost Hall", "city", name, "address", "1 Road", "maxCapacity", 10)));
        assertEquals("BAD_USER_INPUT", refused.getString("errors[0].extensions.code"), refused.prettify());
        assertEquals("city", refused.getString("errors[0].extensions.field"));
        assertTrue(refused.getString("errors[0].message").contains("cities"), refused.getString("errors[0].message"));
        assertEquals(0, GraphQLClient.ok("{ venues(first: 100) { edges { node { name } } } }", Map.of())
                .getList("data.venues.edges.node.name").stream().filter("Ghost Hall"::equals).count());
    }

    @Test
    void aNameBelongsToOneCityOnlyAndOnlyStaffAddCities() {
        GraphQLClient.fails("CONFLICT", "aliases[1]", ADD, city("Atlantis " + UUID.randomUUID(), "亚特兰蒂斯",
                List.of("Poseidonia", "ｓｈａｎｇｈａｉ")));
        GraphQLClient.fails("CONFLICT", "localName", ADD, city("Atlantis " + UUID.randomUUID(), "北京", null));
        GraphQLClient.fails("BAD_USER_INPUT", "localName", ADD, city("Atlantis", " ", null));
        assertNull(GraphQLClient.ok(CITY, Map.of("n", "Poseidonia")).get("data.city"), "a refused city left no name");

        Map<String, Object> input = city("Atlantis " + UUID.randomUUID(), "亚特兰蒂斯" + UUID.randomUUID(), null);
        Client.anonymous().fails("UNAUTHENTICATED", null, ADD, input);
        Client.user("fan-city").fails("FORBIDDEN", null, ADD, input);
        assertNull(GraphQLClient.ok(CITY, Map.of("n", ((Map<?, ?>) input.get("i")).get("name"))).get("data.city"));

        Map<String, Object> keyed = new HashMap<>((Map<String, Object>) input.get("i"));
        keyed.put("idempotencyKey", "city-" + UUID.randomUUID());
        String first = GraphQLClient.ok(ADD, Map.of("i", keyed)).getString("data.addCity.id");
        assertEquals(first, GraphQLClient.ok(ADD, Map.of("i", keyed)).getString("data.addCity.id"), "a retry adds nothing");
    }

    @Test
    void tenStaffAddingTheSameCityAtOnceAddItOnce() throws Exception {
        String name = "Dali " + UUID.randomUUID().toString().substring(0, 8);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<JsonPath>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String local = "大理" + i + UUID.randomUUID();
                answers.add(pool.submit(() -> {
                    start.await();
                    return GraphQLClient.post(ADD, city(name, local, null));
                }));
            }
            start.countDown();
            int added = 0;
            for (Future<JsonPath> answer : answers) {
                JsonPath response = answer.get(60, TimeUnit.SECONDS);
                if (response.get("errors") == null) {
                    added++;
                } else {
                    assertEquals("CONFLICT", response.getString("errors[0].extensions.code"), response.prettify());
                    assertEquals("name", response.getString("errors[0].extensions.field"), response.prettify());
                }
            }
            assertEquals(1, added);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void venuesWithTheirCitiesCostTheSameStatementsForOneAsForMany() {
        String few = Events.newCity("Few");
        String many = Events.newCity("Many");
        Events.venue(few, 10);
        for (int i = 0; i < 8; i++) {
            Events.venue(many, 10);
        }
        try (SqlStatementCounter sql = SqlStatementCounter.forApplicationDatabase()) {
            sql.reset();
            assertEquals(1, GraphQLClient.ok(VENUES_IN, Map.of("c", few)).getInt("data.venues.totalCount"));
            long one = sql.count();
            sql.reset();
            JsonPath answer = GraphQLClient.ok(VENUES_IN, Map.of("c", many));
            long eight = sql.count();
            assertEquals(8, answer.getInt("data.venues.totalCount"));
            assertEquals(8, answer.getList("data.venues.edges.node.city.aliases").size());
            assertEquals(one, eight, "statements for one venue and for eight");
        }
    }
}
