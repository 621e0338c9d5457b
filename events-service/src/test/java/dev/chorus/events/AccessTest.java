package dev.chorus.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.chorus.test.Client;
import dev.chorus.test.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The README's matrix for events-service, asked directly at the service: every mutation and private field as
 * anonymous, a signed-in user, another user, a creator on the line-up and staff.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class AccessTest {
    static final String READ = "query($id: ID!) { event(id: $id) { id status seatsRemaining "
            + "registrations { totalCount } } }";
    static final String LIST = "{ events(first: 100) { edges { node { id } } } }";
    static final String REGISTRATION = "query($id: ID!) { registration(id: $id) { id attendeeId status } }";
    static final String CHECK_IN = "mutation($id: ID!) { checkIn(input: {id: $id}) { status } }";

    final Client anonymous = Client.anonymous();
    final Client staff = Client.staff();
    final String creatorId = UUID.randomUUID().toString();
    final Client performer = Client.creator(creatorId);

    @Test
    void programmeOperationsAreStaffOnly() {
        String venue = Events.venue("Chengdu", 100);
        String event = Events.createEvent(Events.event(venue, 10, 48));
        Map<String, Object> venueInput = Map.of("input", Map.of("name", "Hall", "city", "Xi'an", "address", "1 Road",
                "maxCapacity", 10));
        List<Map.Entry<String, Map<String, Object>>> mutations = List.of(
                Map.entry("mutation($input: CreateVenueInput!) { createVenue(input: $input) { id } }", venueInput),
                Map.entry(Events.CREATE_EVENT, Map.of("input", Events.event(venue, 10, 48))),
                Map.entry(EventTest.UPDATE, Map.of("input", Map.of("id", event, "capacity", 20))),
                Map.entry(LineupTest.LINEUP, Map.of("input", Map.of("eventId", event, "slots",
                        List.of(Map.of("creatorId", creatorId, "role", "HEADLINER"))))),
                Map.entry(LineupTest.SETLIST, Map.of("input", Map.of("eventId", event, "workIds",
                        List.of(UUID.randomUUID().toString())))),
                Map.entry(Events.PUBLISH, Map.of("id", event)),
                Map.entry("mutation($id: ID!) { completeEvent(input: {id: $id}) { id } }", Map.of("id", event)),
                Map.entry("mutation($id: ID!) { cancelEvent(input: {id: $id}) { id } }", Map.of("id", event)));
        for (var mutation : mutations) {
            anonymous.fails("UNAUTHENTICATED", null, mutation.getKey(), mutation.getValue());
            Client.user("fan-3").fails("FORBIDDEN", null, mutation.getKey(), mutation.getValue());
            performer.fails("FORBIDDEN", null, mutation.getKey(), mutation.getValue());
        }
        JsonPath untouched = staff.ok("query($id: ID!) { event(id: $id) { status capacity lineup { role } } }",
                Map.of("id", event));
        assertEquals("DRAFT", untouched.getString("data.event.status"));
        assertEquals(10, untouched.getInt("data.event.capacity"));
        assertEquals(List.of(), untouched.getList("data.event.lineup"));
        for (var mutation : mutations.subList(0, 6)) {
            staff.ok(mutation.getKey(), mutation.getValue());
        }
    }

    @Test
    void aDraftEventIsStaffsUntilPublished() {
        String event = Events.createEvent(Events.event(Events.venue("Kunming", 50), 5, 48));
        staff.ok(LineupTest.LINEUP, Map.of("input", Map.of("eventId", event, "slots",
                List.of(Map.of("creatorId", creatorId, "role", "HEADLINER")))));
        String performances = "query($c: _Any!) { _entities(representations: [$c]) { ... on Creator { "
                + "performances { edges { node { event { id } } } } } } }";
        Map<String, Object> me = Map.of("c", Map.of("__typename", "Creator", "ref", creatorId));
        for (Client outsider : List.of(anonymous, Client.user("fan-4"), performer)) {
            assertNull(outsider.ok(READ, Map.of("id", event)).get("data.event"));
            assertFalse(outsider.ok(LIST).getList("data.events.edges.node.id").contains(event));
            assertEquals(List.of(), outsider.ok(performances, me).getList("data._entities[0].performances.edges"));
            outsider.fails(outsider == anonymous ? "UNAUTHENTICATED" : "NOT_FOUND", null, Events.REGISTER,
                    Map.of("e", event));
        }
        assertEquals("DRAFT", staff.ok(READ, Map.of("id", event)).getString("data.event.status"));
        assertEquals(List.of(event), staff.ok(performances, me)
                .getList("data._entities[0].performances.edges.node.event.id"));

        staff.ok(Events.PUBLISH, Map.of("id", event));
        for (Client anyone : List.of(anonymous, Client.user("fan-4"), performer)) {
            JsonPath read = anyone.ok(READ, Map.of("id", event));
            assertEquals(5, read.getInt("data.event.seatsRemaining"));
            assertNull(read.get("data.event.registrations"), read::prettify);
            assertTrue(anyone.ok(LIST).getList("data.events.edges.node.id").contains(event));
        }
        assertEquals(0, staff.ok(READ, Map.of("id", event)).getInt("data.event.registrations.totalCount"));
    }

    @Test
    void aRegistrationIsTheTokensSubjectsAndTheirsAlone() {
        String event = Events.publishedEvent(5, 48);
        anonymous.fails("UNAUTHENTICATED", null, Events.REGISTER, Map.of("e", event));
        // the attendee is not an argument: naming someone else is refused by the schema itself
        Client.user("mallory").fails("BAD_USER_INPUT", null, "mutation($e: ID!) { registerForEvent(input: "
                + "{eventId: $e, attendeeId: \"alice\"}) { id } }", Map.of("e", event));

        Client alice = Client.user("alice-" + UUID.randomUUID());
        JsonPath registered = alice.ok(Events.REGISTER, Map.of("e", event)).setRootPath("data.registerForEvent");
        String id = registered.getString("id");
        assertTrue(registered.getString("attendeeId").startsWith("alice-"));
        Client mallory = Client.user("mallory");

        assertNull(anonymous.ok(REGISTRATION, Map.of("id", id)).get("data.registration"));
        assertNull(mallory.ok(REGISTRATION, Map.of("id", id)).get("data.registration"));
        assertEquals(id, alice.ok(REGISTRATION, Map.of("id", id)).getString("data.registration.id"));
        assertEquals(id, staff.ok(REGISTRATION, Map.of("id", id)).getString("data.registration.id"));

        anonymous.fails("UNAUTHENTICATED", null, "{ myRegistrations { totalCount } }", Map.of());
        assertEquals(0, mallory.ok("{ myRegistrations { totalCount } }").getInt("data.myRegistrations.totalCount"));
        String byAttendee = "query($a: String!) { attendeeRegistrations(attendeeId: $a) { totalCount } }";
        alice.fails("FORBIDDEN", null, byAttendee, Map.of("a", registered.getString("attendeeId")));
        assertEquals(1, staff.ok(byAttendee, Map.of("a", registered.getString("attendeeId")))
                .getInt("data.attendeeRegistrations.totalCount"));

        anonymous.fails("UNAUTHENTICATED", null, Events.CANCEL, Map.of("id", id));
        mallory.fails("NOT_FOUND", "id", Events.CANCEL, Map.of("id", id));
        alice.fails("FORBIDDEN", null, CHECK_IN, Map.of("id", id));
        assertEquals("CONFIRMED", staff.ok(REGISTRATION, Map.of("id", id)).getString("data.registration.status"));
        assertEquals("CANCELLED", alice.ok(Events.CANCEL, Map.of("id", id)).getString("data.cancelRegistration.status"));

        String again = alice.ok(Events.REGISTER, Map.of("e", event)).getString("data.registerForEvent.id");
        assertNotNull(again);
        assertEquals("CANCELLED", staff.ok(Events.CANCEL, Map.of("id", again)).getString("data.cancelRegistration.status"));
    }
}
