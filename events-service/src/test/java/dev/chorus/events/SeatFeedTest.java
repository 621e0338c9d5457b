package dev.chorus.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.chorus.test.Client;
import dev.chorus.test.GraphQLClient;
import dev.chorus.test.PostgresTestResource;
import dev.chorus.test.SqlStatementCounter;
import dev.chorus.test.Subscriber;
import dev.chorus.test.TestDatabase;
import dev.chorus.test.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/** eventSeats over WebSocket (graphql-transport-ws), straight from events-service. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class SeatFeedTest {
    static final String SUBSCRIBE = "subscription($e: ID!) { eventSeats(eventId: $e) { seatsRemaining waitlistLength "
            + "status version changedAt event { title } } }";

    @TestHTTPResource("/graphql")
    URI endpoint;

    @Test
    void theCurrentSeatsFirstThenOneMessagePerChangeWithGrowingVersions() throws Exception {
        String event = Events.publishedEvent(2, 48);
        try (Subscriber fan = new Subscriber(endpoint, null, SUBSCRIBE, Map.of("e", event))) {
            JsonObject first = fan.data("eventSeats");
            assertEquals(2, first.getInteger("seatsRemaining"));
            assertEquals("PUBLISHED", first.getString("status"));
            assertTrue(first.getJsonObject("event").getString("title").length() > 0, "the event itself, resolved in the payload");
            long version = first.getLong("version");
            java.time.OffsetDateTime changedAt = java.time.OffsetDateTime.parse(first.getString("changedAt"));
            String a = Client.user("seat-a").ok(Events.REGISTER, Map.of("e", event)).getString(
                    "data.registerForEvent.id");
            Client.user("seat-b").ok(Events.REGISTER, Map.of("e", event));
            Client.user("seat-c").ok(Events.REGISTER, Map.of("e", event)); // waitlisted
            GraphQLClient.ok(Events.CANCEL, Map.of("id", a)); // c is promoted in the same change
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                JsonObject seats = fan.data("eventSeats");
                assertTrue(seats.getLong("version") > version, "versions grow: " + seats.encode());
                java.time.OffsetDateTime at = java.time.OffsetDateTime.parse(seats.getString("changedAt"));
                assertFalse(at.isBefore(changedAt), "the change's time with it: " + seats.encode());
                assertFalse(at.isAfter(java.time.OffsetDateTime.now().plusSeconds(5)), seats.encode());
                changedAt = at;
                version = seats.getLong("version");
                seen.add(seats.getInteger("seatsRemaining") + "/" + seats.getInteger("waitlistLength"));
            }
            assertEquals(List.of("1/0", "0/0", "0/1", "0/0"), seen);
        }
    }

    @Test
    void aChangeMadeOutsideThisProcessReachesTheSubscriber() throws Exception {
        String event = Events.publishedEvent(5, 48);
        try (Subscriber fan = new Subscriber(endpoint, null, SUBSCRIBE, Map.of("e", event))) {
            long version = fan.data("eventSeats").getLong("version");
            // another replica's change, as the database sees it: the trigger announces it at commit
            TestDatabase.sql("update event set capacity = 9 where id = '" + event + "'");
            JsonObject seats = fan.data("eventSeats");
            assertEquals(9, seats.getInteger("seatsRemaining"));
            assertEquals(version + 1, seats.getLong("version"));
        }
    }

    @Test
    void afterTheListenerReconnectsEverySubscriberGetsTheCurrentStateAgain() throws Exception {
        String event = Events.publishedEvent(3, 48);
        try (Subscriber fan = new Subscriber(endpoint, null, SUBSCRIBE, Map.of("e", event))) {
            JsonObject first = fan.data("eventSeats");
            TestDatabase.sql("select count(pg_terminate_backend(pid)) from pg_stat_activity where query like 'LISTEN%'");
            JsonObject again = fan.data("eventSeats");
            assertEquals(first.getLong("version"), again.getLong("version"), "the same state, sent again");
            assertEquals(3, again.getInteger("seatsRemaining"));
            Client.user("after-reconnect").ok(Events.REGISTER, Map.of("e", event));
            assertEquals(2, fan.data("eventSeats").getInteger("seatsRemaining"), "and the changes after it");
        }
    }

    @Test
    void anEventTheCallerMayNotSeeIsRefusedLikeTheQueryWouldAnswer() throws Exception {
        String draft = Events.createEvent(Events.event(Events.venue("Chengdu", 100), 10, 48));
        try (Subscriber anonymous = new Subscriber(endpoint, null, SUBSCRIBE, Map.of("e", draft))) {
            JsonObject refused = anonymous.next();
            assertEquals("next", refused.getString("type"), refused.encode());
            JsonObject error = refused.getJsonObject("payload").getJsonArray("errors").getJsonObject(0);
            assertEquals("NOT_FOUND", error.getJsonObject("extensions").getString("code"), refused.encode());
            assertEquals("eventId", error.getJsonObject("extensions").getString("field"), refused.encode());
            assertFalse(refused.encode().contains("Exception"), "no class name: " + refused.encode());
            assertNull(refused.getJsonObject("payload").getJsonObject("data").getValue("eventSeats"));
        }
        try (Subscriber staff = new Subscriber(endpoint, Tokens.valid("seat-staff", "staff"), SUBSCRIBE, Map.of("e", draft))) {
            assertEquals("DRAFT", staff.data("eventSeats").getString("status"), "staff see drafts");
        }
        try (Subscriber nobody = new Subscriber(endpoint, null, SUBSCRIBE, Map.of("e", UUID.randomUUID().toString()))) {
            assertEquals("NOT_FOUND", nobody.next().getJsonObject("payload").getJsonArray("errors").getJsonObject(0)
                    .getJsonObject("extensions").getString("code"));
        }
    }

    @Test
    void aBrowserSendsItsTokenInTheConnectionInitPayload() throws Exception {
        String draft = Events.createEvent(Events.event(Events.venue("Xi'an", 100), 10, 48));
        try (Subscriber staff = Subscriber.withInitPayload(endpoint, Map.of("Authorization", "Bearer "
                + Tokens.valid("seat-staff-browser", "staff")), SUBSCRIBE, Map.of("e", draft))) {
            assertEquals("DRAFT", staff.data("eventSeats").getString("status"), "staff, by the payload's token");
        }
        // a forged token in the payload: the connection is refused before its acknowledgement (4403 Forbidden)
        AssertionError refused = assertThrows(AssertionError.class, () -> Subscriber.withInitPayload(endpoint,
                Map.of("Authorization", "Bearer " + Tokens.signedWithAnotherKey("seat-forger", "staff")), SUBSCRIBE,
                Map.of("e", draft)));
        assertTrue(refused.getMessage().contains("\"code\":4403"), refused.getMessage());
    }

    @Test
    void theSubscriptionEndsWhenTheTokenExpires() throws Exception {
        String event = Events.publishedEvent(4, 48);
        try (Subscriber fan = new Subscriber(endpoint, Tokens.expiringIn(3, "seat-expiring"), SUBSCRIBE,
                Map.of("e", event))) {
            assertEquals(4, fan.data("eventSeats").getInteger("seatsRemaining"));
            JsonObject end = fan.error();
            assertEquals("UNAUTHENTICATED", end.getString("code"), "ended at expiry");
            JsonObject after = fan.poll(Duration.ofSeconds(2));
            assertTrue(after == null || !"next".equals(after.getString("type")), "nothing after it: " + after);
        }
    }

    /** The statements reading the event row while one change reaches {@code subscribers} subscribers. */
    private long eventReadsForOneChange(int subscribers, SqlStatementCounter sql) throws Exception {
        String event = Events.publishedEvent(10, 48);
        List<Subscriber> fans = new ArrayList<>();
        try {
            for (int i = 0; i < subscribers; i++) {
                Subscriber fan = new Subscriber(endpoint, null, SUBSCRIBE, Map.of("e", event));
                fans.add(fan);
                fan.data("eventSeats");
            }
            sql.reset();
            TestDatabase.sql("update event set capacity = 11 where id = '" + event + "'"); // the change, as SQL
            for (Subscriber fan : fans) {
                JsonObject seats = fan.data("eventSeats");
                assertEquals(11, seats.getInteger("seatsRemaining"));
                assertTrue(seats.getJsonObject("event").getString("title").length() > 0);
            }
            return sql.countContaining("from event ");
        } finally {
            fans.forEach(Subscriber::close);
        }
    }

    @Test
    void theEventOfAMessageIsReadOnceWhateverTheNumberOfSubscribers() throws Exception {
        try (SqlStatementCounter sql = SqlStatementCounter.forApplicationDatabase()) {
            long one = eventReadsForOneChange(1, sql);
            long eight = eventReadsForOneChange(8, sql);
            assertEquals(one, eight, "statements reading the event for 1 and for 8 subscribers");
            assertTrue(one >= 1, "the event is read: " + one);
        }
    }
}
