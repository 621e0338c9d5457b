package dev.chorus.creator;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Sends GraphQL requests to the service under test over HTTP, as any client would. */
final class GraphQL {
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

    /** A handle no other test uses. */
    static String uniqueHandle(String prefix) {
        return prefix + "_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 45), 36);
    }
}
