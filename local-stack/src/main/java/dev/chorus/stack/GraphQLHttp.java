package dev.chorus.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small GraphQL-over-HTTP client for the demo data and the end-to-end tests. */
public final class GraphQLHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final String token;

    /** Anonymous: no bearer token. */
    public GraphQLHttp(URI endpoint) {
        this(endpoint, null);
    }

    private GraphQLHttp(URI endpoint, String token) {
        this.endpoint = endpoint;
        this.token = token;
    }

    /** The same endpoint, sending this bearer token. */
    public GraphQLHttp as(String bearerToken) {
        return new GraphQLHttp(endpoint, bearerToken);
    }

    /** The whole response ({@code data} and {@code errors}). */
    public JsonNode post(String query, Map<String, ?> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
                    .header("content-type", "application/json").header("accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            if (token != null) {
                request.header("authorization", "Bearer " + token);
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GraphQL request to " + endpoint + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The {@code data} of a response that must have no error. */
    public JsonNode data(String query, Map<String, ?> variables) {
        JsonNode response = post(query, variables);
        if (response.hasNonNull("errors")) {
            throw new IllegalStateException("GraphQL errors: " + response.get("errors") + " for " + query);
        }
        return response.get("data");
    }

    public JsonNode data(String query) {
        return data(query, Map.of());
    }

    public URI endpoint() {
        return endpoint;
    }
}
