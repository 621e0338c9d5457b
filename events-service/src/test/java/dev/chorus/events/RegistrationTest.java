package dev.chorus.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
class RegistrationTest {
    static final String CHECK_IN = "mutation($id: ID!) { checkIn(input: {id: $id}) { status checkedInAt } }";
    static final String SEATS = "query($id: ID!) { event(id: $id) { seatsRemaining waitlistLength } }";

    private static JsonPath register(String event, String attendee) {
        return Client.user(attendee).ok(Events.REGISTER, Map.of("e", event)).setRootPath("data.registerForEvent");
    }

    @Test
    void seatsFirstThenTheWaitlistAndACancellationPromotesTheFirstWaiting() {
        String event = Events.publishedEvent(2, 24);
        JsonPath first = register(event, "u1");
        register(event, "u2");
        JsonPath third = register(event, "u3");
        register(event, "u4");
        assertEquals("CONFIRMED", first.getString("status"));
        assertEquals(1, first.getInt("queueNumber"));
        assertEquals("WAITLISTED", third.getString("status"));
        assertEquals(0, GraphQLClient.ok(SEATS, Map.of("id", event)).getInt("data.event.seatsRemaining"));
        assertEquals(2, GraphQLClient.ok(SEATS, Map.of("id", event)).getInt("data.event.waitlistLength"));

        assertEquals("CANCELLED", GraphQLClient.ok(Events.CANCEL, Map.of("id", first.getString("id")))
                .getString("data.cancelRegistration.status"));
        assertEquals("CONFIRMED", register(event, "u3").getString("status"), "u3 waited first, so u3 got the seat");
        assertEquals("WAITLISTED", register(event, "u4").getString("status"));
        assertEquals(1, GraphQLClient.ok(SEATS, Map.of("id", event)).getInt("data.event.waitlistLength"));
        GraphQLClient.fails("CONFLICT", "id", Events.CANCEL, Map.of("id", first.getString("id")));

        JsonPath again = register(event, "u1");
        assertEquals("WAITLISTED", again.getString("status"), "a cancelled attendee registers anew, at the back");
        assertEquals(5, again.getInt("queueNumber"));
    }

    @Test
    void registeringTwiceAnswersTheSameRegistration() {
        String event = Events.publishedEvent(5, 24);
        JsonPath first = register(event, "twice");
        JsonPath second = register(event, "twice");
        assertEquals(first.getString("id"), second.getString("id"));
        assertEquals(4, GraphQLClient.ok(SEATS, Map.of("id", event)).getInt("data.event.seatsRemaining"));
    }

    @Test
    void onlyPublishedEventsWithAnOpenWindowTakeRegistrations() {
        String venue = Events.venue("Nanjing", 100);
        String draft = Events.createEvent(Events.event(venue, 10, 24));
        Client.user("x").fails("NOT_FOUND", "eventId", Events.REGISTER, Map.of("e", draft));
        GraphQLClient.fails("CONFLICT", "eventId", Events.REGISTER, Map.of("e", draft)); // staff see it

        Map<String, Object> notYetOpen = Events.event(venue, 10, 24);
        notYetOpen.put("opensAt", Events.now().plusHours(2).toString());
        String later = Events.createEvent(notYetOpen);
        GraphQLClient.ok(Events.PUBLISH, Map.of("id", later));
        Client.user("x").fails("CONFLICT", "eventId", Events.REGISTER, Map.of("e", later));

        Map<String, Object> closed = Events.event(venue, 10, 24);
        closed.put("closesAt", Events.now().minusMinutes(1).toString());
        closed.put("opensAt", Events.now().minusHours(2).toString());
        String closedId = Events.createEvent(closed);
        GraphQLClient.ok(Events.PUBLISH, Map.of("id", closedId));
        Client.user("x").fails("CONFLICT", "eventId", Events.REGISTER, Map.of("e", closedId));

        String cancelled = Events.publishedEvent(10, 24);
        String kept = register(cancelled, "kept").getString("id");
        GraphQLClient.ok("mutation($id: ID!) { cancelEvent(input: {id: $id}) { id } }", Map.of("id", cancelled));
        Client.user("y").fails("CONFLICT", "eventId", Events.REGISTER, Map.of("e", cancelled));
        assertEquals("CANCELLED", GraphQLClient.ok("query($id: ID!) { registration(id: $id) { status } }",
                Map.of("id", kept)).getString("data.registration.status"), "cancelling the event cancels its registrations");
        Client.user("y").fails("NOT_FOUND", "eventId", Events.REGISTER, Map.of("e", "6f1c2a4e-0000-4000-8000-00000000000a"));
    }

    @Test
    void checkInOnlyForConfirmedRegistrationsNearTheEvent() {
        Map<String, Object> soon = Events.event(Events.venue("Hangzhou", 10), 1, 1);
        soon.put("closesAt", Events.now().plusMinutes(30).toString());
        String event = Events.createEvent(soon);
        GraphQLClient.ok(Events.PUBLISH, Map.of("id", event));
        String confirmed = register(event, "here").getString("id");
        String waiting = register(event, "waiting").getString("id");
        GraphQLClient.fails("CONFLICT", "id", CHECK_IN, Map.of("id", waiting));
        JsonPath checkedIn = GraphQLClient.ok(CHECK_IN, Map.of("id", confirmed));
        assertEquals("CHECKED_IN", checkedIn.getString("data.checkIn.status"));
        GraphQLClient.fails("CONFLICT", "id", CHECK_IN, Map.of("id", confirmed));
        GraphQLClient.fails("CONFLICT", "id", Events.CANCEL, Map.of("id", confirmed));
        assertEquals(0, GraphQLClient.ok(SEATS, Map.of("id", event)).getInt("data.event.seatsRemaining"),
                "a checked-in attendee keeps the seat");

        String farAway = Events.publishedEvent(1, 24 * 7);
        String early = register(farAway, "early").getString("id");
        GraphQLClient.fails("CONFLICT", "id", CHECK_IN, Map.of("id", early));
    }

    @Test
    void anAttendeeSeesTheirRegistrationsLatestFirst() {
        String attendee = "attendee-" + System.nanoTime();
        String one = Events.publishedEvent(5, 24);
        String two = Events.publishedEvent(5, 48);
        register(one, attendee);
        register(two, attendee);
        JsonPath mine = GraphQLClient.ok("query($a: String!) { attendeeRegistrations(attendeeId: $a) { totalCount "
                + "edges { node { status event { id title } } } } }", new HashMap<>(Map.of("a", attendee)));
        assertEquals(2, mine.getInt("data.attendeeRegistrations.totalCount"));
        assertEquals(List.of(two, one), mine.getList("data.attendeeRegistrations.edges.node.event.id"));
        JsonPath own = Client.user(attendee).ok("{ myRegistrations { totalCount edges { node { attendeeId event { id } } } } }");
        assertEquals(List.of(two, one), own.getList("data.myRegistrations.edges.node.event.id"));
        assertEquals(List.of(attendee, attendee), own.getList("data.myRegistrations.edges.node.attendeeId"));
    }
}
