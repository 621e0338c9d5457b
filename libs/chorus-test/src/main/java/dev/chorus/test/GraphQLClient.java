package dev.chorus.test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Sends GraphQL requests to the service under test over HTTP, as any client would, and checks the answers. */
public final class GraphQLClient {
    private GraphQLClient() {
    }

    public static JsonPath post(String query, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/graphql")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Posts and asserts the answer has no error. */
    public static JsonPath ok(String query, Map<String, Object> variables) {
        JsonPath response = post(query, variables);
        assertNull(response.get("errors"), () -> "unexpected errors: " + response.prettify());
        return response;
    }

    public static JsonPath ok(String query) {
        return ok(query, Map.of());
    }

    /** Posts and asserts exactly one error with this code (and field, when not null); returns the response. */
    public static JsonPath fails(String code, String field, String query, Map<String, Object> variables) {
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
}
