package dev.chorus.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.chorus.test.Client;
import dev.chorus.test.GraphQLClient;
import dev.chorus.test.PostgresTestResource;
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
            + "status version event { title } } }";

    @TestHTTPResource("/graphql")
    URI endpoint;

    /** One graphql-transport-ws connection with one subscription; its messages in order. */
    final class Subscriber implements WebSocket.Listener, AutoCloseable {
        final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        final StringBuilder partial = new StringBuilder();
        final WebSocket socket;

        Subscriber(String token, String query, Map<String, Object> variables) throws Exception {
            WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                    .subprotocols("graphql-transport-ws").connectTimeout(Duration.ofSeconds(10));
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            URI ws = URI.create(endpoint.toString().replaceFirst("^http", "ws"));
            socket = builder.buildAsync(ws, this).get(10, TimeUnit.SECONDS);
            send(Map.of("type", "connection_init", "payload", Map.of()));
            assertEquals("connection_ack", next().getString("type"));
            send(Map.of("id", "1", "type", "subscribe", "payload", Map.of("query", query, "variables", variables)));
        }

        void send(Map<String, Object> message) throws Exception {
            socket.sendText(new JsonObject(message).encode(), true).get(10, TimeUnit.SECONDS);
        }

        JsonObject next() throws InterruptedException {
            JsonObject message = messages.poll(20, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("no message within 20 s");
            }
            return message;
        }

        /** The next data of the subscription (a ping is answered and skipped). */
        JsonObject seats() throws Exception {
            JsonObject message = next();
            while ("ping".equals(message.getString("type"))) {
                send(Map.of("type", "pong"));
                message = next();
            }
            assertEquals("next", message.getString("type"), message.encode());
            assertNull(message.getJsonObject("payload").getValue("errors"), message.encode());
            return message.getJsonObject("payload").getJsonObject("data").getJsonObject("eventSeats");
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(new JsonObject(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void close() {
            socket.abort();
        }
    }

    @Test
    void theCurrentSeatsFirstThenOneMessagePerChangeWithGrowingVersions() throws Exception {
        String event = Events.publishedEvent(2, 48);
        try (Subscriber fan = new Subscriber(null, SUBSCRIBE, Map.of("e", event))) {
            JsonObject first = fan.seats();
            assertEquals(2, first.getInteger("seatsRemaining"));
            assertEquals("PUBLISHED", first.getString("status"));
            assertTrue(first.getJsonObject("event").getString("title").length() > 0, "the event itself, resolved in the payload");
            long version = first.getLong("version");
            String a = Client.user("seat-a").ok(Events.REGISTER, Map.of("e", event)).getString(
                    "data.registerForEvent.id");
            Client.user("seat-b").ok(Events.REGISTER, Map.of("e", event));
            Client.user("seat-c").ok(Events.REGISTER, Map.of("e", event)); // waitlisted
            GraphQLClient.ok(Events.CANCEL, Map.of("id", a)); // c is promoted in the same change
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                JsonObject seats = fan.seats();
                assertTrue(seats.getLong("version") > version, "versions grow: " + seats.encode());
                version = seats.getLong("version");
                seen.add(seats.getInteger("seatsRemaining") + "/" + seats.getInteger("waitlistLength"));
            }
            assertEquals(List.of("1/0", "0/0", "0/1", "0/0"), seen);
        }
    }

    @Test
    void aChangeMadeOutsideThisProcessReachesTheSubscriber() throws Exception {
        String event = Events.publishedEvent(5, 48);
        try (Subscriber fan = new Subscriber(null, SUBSCRIBE, Map.of("e", event))) {
            long version = fan.seats().getLong("version");
            // another replica's change, as the database sees it: the trigger announces it at commit
            TestDatabase.sql("update event set capacity = 9 where id = '" + event + "'");
            JsonObject seats = fan.seats();
            assertEquals(9, seats.getInteger("seatsRemaining"));
            assertEquals(version + 1, seats.getLong("version"));
        }
    }

    @Test
    void afterTheListenerReconnectsEverySubscriberGetsTheCurrentStateAgain() throws Exception {
        String event = Events.publishedEvent(3, 48);
        try (Subscriber fan = new Subscriber(null, SUBSCRIBE, Map.of("e", event))) {
            JsonObject first = fan.seats();
            TestDatabase.sql("select count(pg_terminate_backend(pid)) from pg_stat_activity where query like 'LISTEN%'");
            JsonObject again = fan.seats();
            assertEquals(first.getLong("version"), again.getLong("version"), "the same state, sent again");
            assertEquals(3, again.getInteger("seatsRemaining"));
            Client.user("after-reconnect").ok(Events.REGISTER, Map.of("e", event));
            assertEquals(2, fan.seats().getInteger("seatsRemaining"), "and the changes after it");
        }
    }

    @Test
    void anEventTheCallerMayNotSeeIsRefusedLikeTheQueryWouldAnswer() throws Exception {
        String draft = Events.createEvent(Events.event(Events.venue("Chengdu", 100), 10, 48));
        try (Subscriber anonymous = new Subscriber(null, SUBSCRIBE, Map.of("e", draft))) {
            JsonObject refused = anonymous.next();
            assertEquals("next", refused.getString("type"), refused.encode());
            JsonObject error = refused.getJsonObject("payload").getJsonArray("errors").getJsonObject(0);
            assertEquals("NOT_FOUND", error.getJsonObject("extensions").getString("code"), refused.encode());
            assertEquals("eventId", error.getJsonObject("extensions").getString("field"), refused.encode());
            assertFalse(refused.encode().contains("Exception"), "no class name: " + refused.encode());
            assertNull(refused.getJsonObject("payload").getJsonObject("data").getValue("eventSeats"));
        }
        try (Subscriber staff = new Subscriber(Tokens.valid("seat-staff", "staff"), SUBSCRIBE, Map.of("e", draft))) {
            assertEquals("DRAFT", staff.seats().getString("status"), "staff see drafts");
        }
        try (Subscriber nobody = new Subscriber(null, SUBSCRIBE, Map.of("e", UUID.randomUUID().toString()))) {
            assertEquals("NOT_FOUND", nobody.next().getJsonObject("payload").getJsonArray("errors").getJsonObject(0)
                    .getJsonObject("extensions").getString("code"));
        }
    }
}
