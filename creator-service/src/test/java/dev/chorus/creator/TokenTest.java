package dev.chorus.creator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.chorus.test.PostgresTestResource;
import dev.chorus.test.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The service checks every bearer token itself: it never trusts that the gateway did. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class TokenTest {
    static final Map<String, Object> QUERY = Map.of("query", "{ creators(first: 1) { totalCount } }");

    private static ValidatableResponse ask(String token) {
        var request = given().contentType(ContentType.JSON).body(QUERY);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.when().post("/graphql").then();
    }

    @Test
    void anonymousAndValidTokensAreAnswered() {
        ask(null).statusCode(200).body("data.creators.totalCount", notNullValue());
        ask(Tokens.valid("user-1", "user")).statusCode(200).body("data.creators.totalCount", notNullValue());
    }

    @Test
    void theViewerIsWhatTheTokenSays() {
        given().contentType(ContentType.JSON).body(Map.of("query", "{ viewer { anonymous subject roles creatorId } }"))
                .when().post("/graphql").then().statusCode(200)
                .body("data.viewer.anonymous", org.hamcrest.Matchers.equalTo(true))
                .body("data.viewer.subject", org.hamcrest.Matchers.nullValue());
        given().contentType(ContentType.JSON).body(Map.of("query", "{ viewer { anonymous subject roles creatorId } }"))
                .header("Authorization", "Bearer " + Tokens.valid("user-7", "creator"))
                .when().post("/graphql").then().statusCode(200)
                .body("data.viewer.anonymous", org.hamcrest.Matchers.equalTo(false))
                .body("data.viewer.subject", org.hamcrest.Matchers.equalTo("user-7"))
                .body("data.viewer.roles", org.hamcrest.Matchers.contains("creator"));
    }

    @Test
    void badTokensAreRefusedBeforeAnyResolver() {
        ask(Tokens.signedWithAnotherKey("user-1", "user")).statusCode(401);
        ask(Tokens.expired("user-1", "user")).statusCode(401);
        ask(Tokens.wrongIssuer("user-1", "user")).statusCode(401);
        ask(Tokens.wrongAudience("user-1", "user")).statusCode(401);
        ask(Tokens.unsigned("user-1", "staff")).statusCode(401);
        ask(Tokens.withRoleAddedByClient(Tokens.valid("user-1", "user"), "staff")).statusCode(401);
        ask("not-a-token").statusCode(401);
    }
}
