package dev.chorus.test;

import java.util.Map;

import io.restassured.path.json.JsonPath;

/** The requests most tests send: as programme staff, who may do everything (see {@link Client} for the others). */
public final class GraphQLClient {
    private GraphQLClient() {
    }

    public static JsonPath post(String query, Map<String, Object> variables) {
        return Client.staff().post(query, variables);
    }

    /** Posts and asserts the answer has no error. */
    public static JsonPath ok(String query, Map<String, Object> variables) {
        return Client.staff().ok(query, variables);
    }

    public static JsonPath ok(String query) {
        return ok(query, Map.of());
    }

    /** Posts and asserts exactly one error with this code (and field, when not null); returns the response. */
    public static JsonPath fails(String code, String field, String query, Map<String, Object> variables) {
        return Client.staff().fails(code, field, query, variables);
    }
}
