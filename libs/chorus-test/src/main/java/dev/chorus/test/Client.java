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
import io.restassured.specification.RequestSpecification;

/**
 * Sends GraphQL requests to the service under test over HTTP as one caller (a bearer token, or none), as any
 * client would, and checks the answers.
 */
public final class Client {
    private final String token;

    private Client(String token) {
        this.token = token;
    }

    /** No token at all. */
    public static Client anonymous() {
        return new Client(null);
    }

    /** Signed in with this bearer token. */
    public static Client as(String token) {
        return new Client(token);
    }

    /** A valid token for {@code subject} with these roles. */
    public static Client user(String subject, String... roles) {
        return new Client(Tokens.valid(subject, roles));
    }

    /** A valid token with role {@code creator} linked to this creator id. */
    public static Client creator(String creatorId) {
        return new Client(Tokens.creator(creatorId));
    }

    /** Programme staff. */
    public static Client staff() {
        return user("staff-tests", "staff");
    }

    public JsonPath post(String query, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        RequestSpecification request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.when().post("/graphql").then().statusCode(200).extract().jsonPath();
    }

    /** Posts and asserts the answer has no error. */
    public JsonPath ok(String query, Map<String, Object> variables) {
        JsonPath response = post(query, variables);
        assertNull(response.get("errors"), () -> "unexpected errors: " + response.prettify());
        return response;
    }

    public JsonPath ok(String query) {
        return ok(query, Map.of());
    }

    /** Posts and asserts exactly one error with this code (and field, when not null); returns the response. */
    public JsonPath fails(String code, String field, String query, Map<String, Object> variables) {
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
