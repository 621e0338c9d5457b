package dev.chorus.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.vertx.core.json.JsonObject;

/**
 * One graphql-transport-ws connection with one subscription, as a client would open it; its messages in order.
 * The token goes in the Authorization header of the upgrade request, or (as browsers must send it) in the
 * connection_init payload.
 */
public final class Subscriber implements WebSocket.Listener, AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(20);

    private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;
    private volatile int closeCode = -1;

    /** Subscribes with the token (or none) in the upgrade request's Authorization header. */
    public Subscriber(URI graphql, String token, String query, Map<String, Object> variables) throws Exception {
        this(graphql, token, Map.of(), query, variables);
    }

    /** Subscribes with this connection_init payload (e.g. {@code {"Authorization": "Bearer …"}}) and no header. */
    public static Subscriber withInitPayload(URI graphql, Map<String, Object> init, String query,
            Map<String, Object> variables) throws Exception {
        return new Subscriber(graphql, null, init, query, variables);
    }

    private Subscriber(URI graphql, String token, Map<String, Object> init, String query,
            Map<String, Object> variables) throws Exception {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("graphql-transport-ws").connectTimeout(Duration.ofSeconds(10));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        URI ws = URI.create(graphql.toString().replaceFirst("^http", "ws"));
        socket = builder.buildAsync(ws, this).get(10, TimeUnit.SECONDS);
        send(Map.of("type", "connection_init", "payload", init));
        JsonObject ack = next();
        assertEquals("connection_ack", ack.getString("type"), ack.encode());
        send(Map.of("id", "1", "type", "subscribe", "payload", Map.of("query", query, "variables", variables)));
    }

    public void send(Map<String, Object> message) throws Exception {
        socket.sendText(new JsonObject(message).encode(), true).get(10, TimeUnit.SECONDS);
    }

    /** The next message of any type (pings answered and skipped); fails after {@link #WAIT}. */
    public JsonObject next() throws Exception {
        JsonObject message = poll(WAIT);
        if (message == null) {
            throw new AssertionError("no message within " + WAIT.toSeconds() + " s (closed: " + closeCode + ")");
        }
        return message;
    }

    /** The next message within this time (pings answered and skipped), or null. */
    public JsonObject poll(Duration wait) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        JsonObject message = messages.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
        while (message != null && "ping".equals(message.getString("type"))) {
            send(Map.of("type", "pong"));
            message = messages.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        return message;
    }

    /** The next message's data for this field, asserting it is a "next" without errors. */
    public JsonObject data(String field) throws Exception {
        JsonObject message = next();
        assertEquals("next", message.getString("type"), message.encode());
        assertNull(message.getJsonObject("payload").getValue("errors"), message.encode());
        return message.getJsonObject("payload").getJsonObject("data").getJsonObject(field);
    }

    /** The next message's first error's extensions, asserting it is a "next" or "error" carrying errors. */
    public JsonObject error() throws Exception {
        JsonObject message = next();
        Object errors = "error".equals(message.getString("type")) ? message.getJsonArray("payload")
                : message.getJsonObject("payload").getJsonArray("errors");
        if (errors == null) {
            throw new AssertionError("no error in " + message.encode());
        }
        return ((io.vertx.core.json.JsonArray) errors).getJsonObject(0).getJsonObject("extensions");
    }

    /** The close code the server sent, or -1 while open. */
    public int closeCode() {
        return closeCode;
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
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode = statusCode;
        messages.add(new JsonObject().put("type", "closed").put("code", statusCode).put("reason", reason));
        return null;
    }

    @Override
    public void close() {
        socket.abort();
    }
}
