package dev.chorus.creator;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Sends GraphQL requests to the service under test over HTTP, as any client would. */
final class GraphQL {
    static final String CREATOR_FIELDS = """
            id handle displayName kind bio region genres status suspendedAt suspensionReason
            verified verifiedAt tier joinedAt updatedAt
            aliases { name locale primary }
            platformAccounts { platform externalId linkedAt }
            tierHistory { from to reason at }
            """;

    private GraphQL() {
    }

    static JsonPath post(String query) {
        return post(query, Map.of());
    }

    static JsonPath post(String query, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/graphql")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Posts and asserts the answer has data and no error. */
    static JsonPath ok(String query, Map<String, Object> variables) {
        JsonPath response = post(query, variables);
        assertNull(response.get("errors"), () -> "unexpected errors: " + response.prettify());
        return response;
    }

    static JsonPath ok(String query) {
        return ok(query, Map.of());
    }

    /** Posts and asserts exactly one error with this code (and field, when not null); returns the response. */
    static JsonPath fails(String code, String field, String query, Map<String, Object> variables) {
        JsonPath response = post(query, variables);
        List<Object> errors = response.getList("errors");
        assertNotNull(errors, () -> "expected an error, got: " + response.prettify());
        assertEquals(1, errors.size(), response::prettify);
        assertEquals(code, response.getString("errors[0].extensions.code"), response::prettify);
        if (field != null) {
            assertEquals(field, response.getString("errors[0].extensions.field"), response::prettify);
        }
        return response;
    }

    /** A handle no other test uses. */
    static String uniqueHandle(String prefix) {
        return prefix + "_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 45), 36);
    }

    static final String REGISTER = "mutation($input: RegisterCreatorInput!) { registerCreator(input: $input) { "
            + CREATOR_FIELDS + " } }";

    /** Registers a creator and returns its id. */
    static String register(Map<String, Object> input) {
        return ok(REGISTER, Map.of("input", input)).getString("data.registerCreator.id");
    }

    static String register(String handle) {
        return register(Map.of("handle", handle, "displayName", handle, "kind", "PERSON"));
    }
}
