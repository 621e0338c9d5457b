package dev.chorus.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.chorus.test.Client;
import dev.chorus.test.GraphQLClient;
import dev.chorus.test.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class EventTest {
    static final String UPDATE = "mutation($input: UpdateEventInput!) { updateEvent(input: $input) { capacity seatsRemaining waitlistLength } }";

    @Test
    void anEventKeepsItsTimesWithTheirZoneAndItsVenue() {
        String venue = Events.venue("成都", 800);
        Map<String, Object> input = Events.event(venue, 500, 48);
        input.put("description", "来自成都的独立音乐人\n现场");
        JsonPath event = GraphQLClient.ok(Events.CREATE_EVENT, Map.of("input", input)).setRootPath("data.createEvent");
        assertEquals("DRAFT", event.getString("status"));
        assertEquals("Asia/Shanghai", event.getString("timeZone"));
        assertEquals(OffsetDateTime.parse((String) input.get("startsAt")).toInstant(),
                OffsetDateTime.parse(event.getString("startsAt")).toInstant());
        assertEquals(500, event.getInt("seatsRemaining"));
        assertEquals(0, event.getInt("waitlistLength"));
        assertEquals(venue, event.getString("venue.id"));
        assertEquals("成都", event.getString("venue.city.localName"));
        assertEquals("Chengdu", event.getString("venue.city.name"));
    }

    @Test
    void eventTimesAreAnsweredInTheEventsOwnTimeZone() {
        String venue = Events.venue("Chengdu", 300);
        Map<String, Object> input = Events.event(venue, 100, 48);
        input.put("startsAt", "2030-12-10T11:30:00Z");
        input.put("endsAt", "2030-12-10T14:00:00Z");
        input.put("opensAt", "2030-12-01T02:00:00Z");
        input.put("closesAt", "2030-12-10T11:30:00Z");
        input.put("timeZone", "asia/shanghai");
        JsonPath event = GraphQLClient.ok(Events.CREATE_EVENT, Map.of("input", input)).setRootPath("data.createEvent");
        assertEquals("Asia/Shanghai", event.getString("timeZone"), "stored in its canonical spelling");
        assertEquals("2030-12-10T19:30:00+08:00", event.getString("startsAt"));
        assertEquals("2030-12-10T22:00:00+08:00", event.getString("endsAt"));
        assertEquals("2030-12-01T10:00:00+08:00", event.getString("opensAt"));
        String id = event.getString("id");
        JsonPath lineup = GraphQLClient.ok(LineupTest.LINEUP, Map.of("input", Map.of("eventId", id, "slots", List.of(
                Map.of("creatorId", java.util.UUID.randomUUID().toString(), "role", "HEADLINER",
                        "startsAt", "2030-12-10T12:00:00Z")))));
        assertEquals("2030-12-10T20:00:00+08:00", lineup.getString("data.setLineup.lineup[0].startsAt"));
        input.put("timeZone", "Europe/Berlin");
        input.put("title", "in Berlin");
        assertEquals("2030-12-10T12:30:00+01:00", GraphQLClient.ok(Events.CREATE_EVENT, Map.of("input", input))
                .getString("data.createEvent.startsAt"));
    }

    @Test
    void aVenueAndAnEventRetriedWithTheirKeysAreCreatedOnce() {
        String key = "venue-" + System.nanoTime();
        Map<String, Object> venue = Map.of("name", "Retry Hall", "city", "Suzhou", "address", "1 Retry Rd",
                "maxCapacity", 200, "idempotencyKey", key);
        String create = "mutation($input: CreateVenueInput!) { createVenue(input: $input) { id } }";
        String first = GraphQLClient.ok(create, Map.of("input", venue)).getString("data.createVenue.id");
        assertEquals(first, GraphQLClient.ok(create, Map.of("input", venue)).getString("data.createVenue.id"));
        Map<String, Object> event = Events.event(first, 50, 24);
        event.put("idempotencyKey", "event-" + System.nanoTime());
        String once = GraphQLClient.ok(Events.CREATE_EVENT, Map.of("input", event)).getString("data.createEvent.id");
        assertEquals(once, GraphQLClient.ok(Events.CREATE_EVENT, Map.of("input", event)).getString("data.createEvent.id"));
        event.put("capacity", 51);
        GraphQLClient.fails("CONFLICT", "idempotencyKey", Events.CREATE_EVENT, Map.of("input", event));
        assertEquals(1, GraphQLClient.ok("query($c: String) { events(filter: {city: $c}) { totalCount } }",
                Map.of("c", "Suzhou")).getInt("data.events.totalCount"));
    }

    @Test
    void onlyIanaZonesAndSaneInstantsAreAccepted() {
        String venue = Events.venue("Hangzhou", 100);
        String title = "zones " + System.nanoTime();
        Map<String, Object> base = Events.event(venue, 50, 24);
        base.put("title", title);
        for (String zone : new String[] { "UTC+8", "+08:00", "GMT+08:00", "UTC+08:00", "", "\u200B" }) {
            Map<String, Object> input = new HashMap<>(base);
            input.put("timeZone", zone);
            GraphQLClient.fails("BAD_USER_INPUT", "timeZone", Events.CREATE_EVENT, Map.of("input", input));
        }
        for (String time : new String[] { "+10000-01-01T00:00:00Z", "2026-12-10", "next friday", "2026-12-10T19:30:00+25:00" }) {
            Map<String, Object> input = new HashMap<>(base);
            input.put("startsAt", time);
            JsonPath refused = GraphQLClient.post(Events.CREATE_EVENT, Map.of("input", input));
            assertEquals("BAD_USER_INPUT", refused.getString("errors[0].extensions.code"), refused::prettify);
            assertEquals(1, refused.getList("errors").size(), refused::prettify);
            org.junit.jupiter.api.Assertions.assertFalse(refused.prettify().contains("dev.chorus"), refused::prettify);
            org.junit.jupiter.api.Assertions.assertFalse(refused.prettify().contains("java."), refused::prettify);
        }
        assertEquals(0, GraphQLClient.ok("query($c: String) { events(filter: {city: $c}) { totalCount } }",
                Map.of("c", "Hangzhou")).getInt("data.events.totalCount"), "nothing was written");
    }

    @Test
    void badTimesCapacitiesAndZonesAreRefusedAndNothingIsWritten() {
        String venue = Events.venue("Wuhan", 100);
        String title = "refused " + System.nanoTime();
        Map<String, Object> base = Events.event(venue, 50, 24);
        base.put("title", title);

        Map<String, Object> endBeforeStart = new HashMap<>(base);
        endBeforeStart.put("endsAt", Events.now().plusHours(23).toString());
        GraphQLClient.fails("BAD_USER_INPUT", "endsAt", Events.CREATE_EVENT, Map.of("input", endBeforeStart));

        Map<String, Object> tooBig = new HashMap<>(base);
        tooBig.put("capacity", 101);
        GraphQLClient.fails("BAD_USER_INPUT", "capacity", Events.CREATE_EVENT, Map.of("input", tooBig));

        Map<String, Object> lateWindow = new HashMap<>(base);
        lateWindow.put("closesAt", Events.now().plusHours(25).toString());
        GraphQLClient.fails("BAD_USER_INPUT", "closesAt", Events.CREATE_EVENT, Map.of("input", lateWindow));

        Map<String, Object> badZone = new HashMap<>(base);
        badZone.put("timeZone", "Mars/Olympus");
        GraphQLClient.fails("BAD_USER_INPUT", "timeZone", Events.CREATE_EVENT, Map.of("input", badZone));

        Map<String, Object> noVenue = new HashMap<>(base);
        noVenue.put("venueId", "6f1c2a4e-0000-4000-8000-000000000009");
        GraphQLClient.fails("NOT_FOUND", "venueId", Events.CREATE_EVENT, Map.of("input", noVenue));

        assertEquals(0, GraphQLClient.ok("query($c: String) { events(filter: {city: $c}) { totalCount } }",
                Map.of("c", "wuhan")).getInt("data.events.totalCount"));
    }

    @Test
    void statusMovesOnlyAlongItsTransitions() {
        String id = Events.createEvent(Events.event(Events.venue("Xi'an", 100), 10, 24));
        GraphQLClient.fails("CONFLICT", "id", "mutation($id: ID!) { completeEvent(input: {id: $id}) { status } }", Map.of("id", id));
        GraphQLClient.ok(Events.PUBLISH, Map.of("id", id));
        GraphQLClient.fails("CONFLICT", "id", Events.PUBLISH, Map.of("id", id));
        GraphQLClient.fails("CONFLICT", "id", "mutation($id: ID!) { completeEvent(input: {id: $id}) { status } }", Map.of("id", id));
        assertEquals("CANCELLED", GraphQLClient.ok("mutation($id: ID!) { cancelEvent(input: {id: $id}) { status } }",
                Map.of("id", id)).getString("data.cancelEvent.status"));
        GraphQLClient.fails("CONFLICT", "id", "mutation($id: ID!) { cancelEvent(input: {id: $id}) { status } }", Map.of("id", id));
        GraphQLClient.fails("CONFLICT", "id", UPDATE, Map.of("input", Map.of("id", id, "title", "x")));
    }

    @Test
    void capacityCannotDropBelowConfirmedAndRaisingItConfirmsTheWaitlist() {
        String id = Events.publishedEvent(2, 24);
        for (String attendee : List.of("a", "b", "c", "d")) {
            Client.user(attendee).ok(Events.REGISTER, Map.of("e", id));
        }
        GraphQLClient.fails("CONFLICT", "capacity", UPDATE, Map.of("input", Map.of("id", id, "capacity", 1)));
        GraphQLClient.fails("BAD_USER_INPUT", "capacity", UPDATE, Map.of("input", Map.of("id", id, "capacity", 11)));
        JsonPath raised = GraphQLClient.ok(UPDATE, Map.of("input", Map.of("id", id, "capacity", 3)));
        assertEquals(0, raised.getInt("data.updateEvent.seatsRemaining"));
        assertEquals(1, raised.getInt("data.updateEvent.waitlistLength"));
        JsonPath registrations = GraphQLClient.ok("query($id: ID!) { event(id: $id) { registrations { edges { node { "
                + "attendeeId status queueNumber } } } } }", Map.of("id", id));
        assertEquals(List.of("CONFIRMED", "CONFIRMED", "CONFIRMED", "WAITLISTED"),
                registrations.getList("data.event.registrations.edges.node.status"));
        assertEquals(List.of("a", "b", "c", "d"), registrations.getList("data.event.registrations.edges.node.attendeeId"));
    }

    @Test
    void eventsAreFilteredAndListedSoonestFirst() {
        String city = Events.newCity("Guilin");
        String venue = Events.venue(city, 100);
        String later = Events.createEvent(Events.event(venue, 10, 72));
        Map<String, Object> trainingInput = Events.event(venue, 10, 24);
        trainingInput.put("kind", "TRAINING");
        trainingInput.put("organizer", "QQ_MUSIC");
        String training = Events.createEvent(trainingInput);
        String sooner = Events.createEvent(Events.event(venue, 10, 48));
        GraphQLClient.ok(Events.PUBLISH, Map.of("id", sooner));

        String query = "query($f: EventFilter) { events(filter: $f) { totalCount edges { node { id } } } }";
        assertEquals(List.of(training, sooner, later), GraphQLClient.ok(query, Map.of("f", Map.of("city", city.toUpperCase())))
                .getList("data.events.edges.node.id"));
        assertEquals(List.of(training), GraphQLClient.ok(query, Map.of("f", Map.of("city", city, "kind", "TRAINING")))
                .getList("data.events.edges.node.id"));
        assertEquals(List.of(training), GraphQLClient.ok(query, Map.of("f", Map.of("city", city, "organizer", "QQ_MUSIC")))
                .getList("data.events.edges.node.id"));
        assertEquals(List.of(sooner), GraphQLClient.ok(query, Map.of("f", Map.of("city", city, "status", "PUBLISHED")))
                .getList("data.events.edges.node.id"));
        assertEquals(List.of(sooner, later), GraphQLClient.ok(query, Map.of("f", Map.of("city", city,
                "from", Events.now().plusHours(40).toString()))).getList("data.events.edges.node.id"));
        assertEquals(List.of(training), GraphQLClient.ok(query, Map.of("f", Map.of("city", city,
                "to", Events.now().plusHours(30).toString()))).getList("data.events.edges.node.id"));
    }
}
