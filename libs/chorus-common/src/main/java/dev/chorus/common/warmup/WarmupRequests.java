package dev.chorus.common.warmup;

import java.util.Collection;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/**
 * What a service replays to warm itself ({@link Warmup}): the reads the gateway sends it most, made from real rows.
 * Anonymous reads only, so nothing is written and nothing hidden is touched.
 */
public interface WarmupRequests {
    /** A query whose answer the requests are made from (ids of real rows). */
    String seed();

    /** The requests to replay, as GraphQL request bodies ({@code {"query": …, "variables": …}}). */
    List<JsonObject> requests(JsonObject seedData);

    /** A request body without variables. */
    static JsonObject body(String query) {
        return Json.createObjectBuilder().add("query", query).build();
    }

    /** A request body with one string variable. */
    static JsonObject body(String query, String variable, String value) {
        return Json.createObjectBuilder().add("query", query)
                .add("variables", Json.createObjectBuilder().add(variable, value)).build();
    }

    /** A request body with one list variable (representations). */
    static JsonObject body(String query, String variable, JsonArrayBuilder value) {
        return Json.createObjectBuilder().add("query", query)
                .add("variables", Json.createObjectBuilder().add(variable, value)).build();
    }

    /** {@code _entities} representations of {@code type} by one key field. */
    static JsonArrayBuilder representations(String type, String keyField, Collection<String> keys) {
        JsonArrayBuilder representations = Json.createArrayBuilder();
        keys.forEach(key -> representations.add(Json.createObjectBuilder().add("__typename", type).add(keyField, key)));
        return representations;
    }
}
