package dev.chorus.test.hostile;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends {@link HostileRequests} to a GraphQL endpoint (a service or the gateway) and says what went wrong. Every
 * answer must be below HTTP 500, JSON, every error coded with one of the stable codes and never INTERNAL, with no
 * class, package, SQL or stack in the body; every hostile mutation must be refused, and a refused mutation must
 * leave the databases as they were (a digest of every table, before and after the requests on one field).
 */
public final class HostileSuite {
    static final Set<String> CODES = Set.of("BAD_USER_INPUT", "NOT_FOUND", "CONFLICT", "FORBIDDEN", "UNAUTHENTICATED",
            "RATE_LIMITED");
    /** Text that only internals would put in a body. */
    static final List<String> LEAKS = List.of("dev.chorus", "java.", "jakarta.", "io.smallrye", "io.vertx",
            "io.quarkus", "org.hibernate", "org.postgresql", "Exception", "ERROR:", "SQLState", "classification",
            "\tat ", "select ", "insert into", "NullPointer", "Caused by");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final Map<String, String> headers;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** @param headers sent with every request (the caller's Authorization, a CSRF header for the gateway) */
    public HostileSuite(URI endpoint, Map<String, String> headers) {
        this.endpoint = endpoint;
        this.headers = headers;
    }

    /** The endpoint's schema, as {@link HostileRequests} reads it. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> schema() throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("query", HostileRequests.INTROSPECTION));
        Map<String, Object> answer = JSON.readValue(send("POST", "application/json",
                body.getBytes(StandardCharsets.UTF_8), Map.of()).body(), new TypeReference<>() { });
        return (Map<String, Object>) ((Map<String, Object>) answer.get("data")).get("__schema");
    }

    /**
     * Sends every field request; the requests aimed at one mutation are bracketed by {@code digest} (null: no
     * database check). Answers the problems found, one line each.
     */
    public List<String> fields(List<HostileRequests.Request> requests, Supplier<String> digest)
            throws IOException, InterruptedException {
        List<String> problems = new ArrayList<>();
        Map<String, List<HostileRequests.Request>> byField = new LinkedHashMap<>();
        requests.forEach(r -> byField.computeIfAbsent(r.operationType() + " " + r.rootField(),
                k -> new ArrayList<>()).add(r));
        for (List<HostileRequests.Request> group : byField.values()) {
            boolean mutation = group.get(0).mutation();
            String before = mutation && digest != null ? digest.get() : null;
            for (HostileRequests.Request request : group) {
                List<String> found;
                if (request.subscription()) {
                    found = subscribed(request);
                } else {
                    HttpResponse<String> answer = send("POST", "application/json",
                            request.body().getBytes(StandardCharsets.UTF_8), Map.of());
                    found = problems(answer.statusCode(), answer.body(), mutation ? request.rootField() : null);
                }
                for (String problem : found) {
                    problems.add(request.name() + ": " + problem);
                }
            }
            if (before != null && !before.equals(digest.get())) {
                problems.add("mutation " + group.get(0).rootField() + ": a refused request changed the database");
            }
        }
        return problems;
    }

    /** Sends every protocol request; answers the problems found. */
    public List<String> protocol(List<HostileRequests.RawRequest> requests) throws IOException, InterruptedException {
        List<String> problems = new ArrayList<>();
        for (HostileRequests.RawRequest request : requests) {
            HttpResponse<String> answer = send(request.method(), request.contentType(), request.body(),
                    request.headers());
            for (String problem : problems(answer.statusCode(), answer.body(), null)) {
                problems.add(request.name() + ": " + problem);
            }
        }
        return problems;
    }

    /**
     * What is wrong with one answer. {@code refusedField}: the mutation field that must have been refused (no
     * value), or null.
     */
    @SuppressWarnings("unchecked")
    /**
     * A subscription with a hostile argument, over WebSocket as a client opens one: its first message must refuse
     * it with a coded error (the socket closed for a frame too large, 1009, is the protocol's own refusal).
     */
    private List<String> subscribed(HostileRequests.Request request) {
        java.util.concurrent.CompletableFuture<String> first = new java.util.concurrent.CompletableFuture<>();
        // the JDK's WebSocket sends one message at a time (a second send before the first completes fails): the
        // subscribe waits for the connection_init to be sent
        java.util.concurrent.CompletableFuture<java.net.http.WebSocket> initSent =
                new java.util.concurrent.CompletableFuture<>();
        StringBuilder partial = new StringBuilder();
        java.net.http.WebSocket socket = null;
        try {
            java.net.http.WebSocket.Builder builder = http.newWebSocketBuilder().subprotocols("graphql-transport-ws")
                    .connectTimeout(Duration.ofSeconds(10));
            headers.forEach(builder::header);
            socket = builder.buildAsync(URI.create(endpoint.toString().replaceFirst("^http", "ws")),
                    new java.net.http.WebSocket.Listener() {
                        @Override
                        public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket ws,
                                CharSequence data, boolean last) {
                            partial.append(data);
                            if (last) {
                                String message = partial.toString();
                                partial.setLength(0);
                                if (message.contains("\"connection_ack\"")) {
                                    // the request's body is the subscribe message's payload, as it is
                                    initSent.thenCompose(open -> open.sendText("{\"id\":\"1\",\"type\":"
                                            + "\"subscribe\",\"payload\":" + request.body() + "}", true));
                                } else if (!message.contains("\"ping\"")) {
                                    first.complete(message);
                                }
                            }
                            ws.request(1);
                            return null;
                        }

                        @Override
                        public java.util.concurrent.CompletionStage<?> onClose(java.net.http.WebSocket ws, int code,
                                String reason) {
                            first.complete("closed " + code + " " + reason);
                            return null;
                        }
                    }).get(10, java.util.concurrent.TimeUnit.SECONDS);
            socket.sendText("{\"type\":\"connection_init\",\"payload\":{}}", true).thenAccept(initSent::complete);
            String message = first.get(20, java.util.concurrent.TimeUnit.SECONDS);
            if (message.startsWith("closed ")) {
                return message.startsWith("closed 1009 ") ? List.of() : List.of("the socket was " + message);
            }
            Map<String, Object> json = JSON.readValue(message, new TypeReference<>() { });
            Object payload = json.get("payload");
            String body = "error".equals(json.get("type")) ? Json.write(Map.of("errors", payload)) : Json.write(payload);
            return problems(200, body, request.rootField());
        } catch (Exception e) {
            return List.of("no first message: " + e);
        } finally {
            if (socket != null) {
                socket.abort();
            }
        }
    }

    static List<String> problems(int status, String body, String refusedField) {
        List<String> problems = new ArrayList<>();
        if (status >= 500) {
            problems.add("HTTP " + status);
        }
        for (String leak : LEAKS) {
            if (body.contains(leak)) {
                problems.add("body shows '" + leak.strip() + "': " + abbreviate(body));
            }
        }
        Map<String, Object> json;
        try {
            json = JSON.readValue(body, new TypeReference<>() { });
        } catch (IOException e) {
            problems.add("HTTP " + status + " without a JSON body: " + abbreviate(body));
            return problems;
        }
        List<Object> errors = (List<Object>) json.get("errors");
        if (status != 200 && (errors == null || errors.isEmpty())) {
            problems.add("HTTP " + status + " without errors: " + abbreviate(body));
        }
        if (errors != null) {
            for (Object e : errors) {
                Map<String, Object> error = (Map<String, Object>) e;
                Map<String, Object> extensions = (Map<String, Object>) error.get("extensions");
                Object code = extensions == null ? null : extensions.get("code");
                if (!(code instanceof String known) || !CODES.contains(known)) {
                    problems.add("an error coded " + code + ": " + abbreviate(body));
                }
            }
        }
        if (refusedField != null) {
            Map<String, Object> data = (Map<String, Object>) json.get("data");
            if (errors == null || errors.isEmpty() || data != null && data.get(refusedField) != null) {
                problems.add("not refused: " + abbreviate(body));
            }
        }
        return problems;
    }

    private HttpResponse<String> send(String method, String contentType, byte[] body, Map<String, String> extra)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(extra);
        all.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String body) {
        String flat = body.replace('\n', ' ');
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
