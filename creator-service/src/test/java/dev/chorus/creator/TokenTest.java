package dev.chorus.creator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.chorus.common.http.ErrorResponses;
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

    private static ValidatableResponse askWithHeader(String authorization) {
        return given().contentType(ContentType.JSON).body(Map.of("query", "{ viewer { anonymous subject } }"))
                .header("Authorization", authorization).when().post("/graphql").then();
    }

    private static void refused(ValidatableResponse response) {
        response.statusCode(401).contentType(containsString("application/json"))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("errors[0].message", equalTo(ErrorResponses.INVALID_TOKEN))
                .body("data", nullValue());
    }

    /** Spaces around a header's value are not part of it (RFC 9110, 5.5): the server never sees them. */
    @Test
    void theAuthorizationHeaderIsExactlyBearerAndOneCompactToken() {
        String token = Tokens.valid("user-9", "user");
        askWithHeader("bearer " + token).statusCode(200).body("data.viewer.subject", equalTo("user-9"));
        askWithHeader("BEARER " + token).statusCode(200).body("data.viewer.subject", equalTo("user-9"));
        for (String header : new String[] { "Bearer " + token + " !", "Bearer " + token + " x", "Bearer  " + token,
                "Bearer\t" + token, "Bearer " + token + "!",
                "Bearer " + token.replace('.', ' '), "Bearer " + token + ".x", "Bearer " + token.substring(1) + "=",
                "Basic dXNlcjpwYXNz", "Bearer", "Bearer ", "", token, "Bearer a.b", "Bearer " + token + "\u00e9" }) {
            refused(askWithHeader(header));
        }
    }

    @Test
    void everyRefusedTokenGetsTheSameJsonBody() {
        refused(ask(Tokens.expired("user-1", "user")));
        refused(ask(Tokens.signedWithAnotherKey("user-1", "user")));
        refused(ask("not-a-token"));
    }

    @Test
    void subExpIssAndAudAreRequired() {
        for (String claim : new String[] { "sub", "exp", "iss", "aud" }) {
            Map<String, Object> claims = Tokens.claimsOf("user-3", "user");
            claims.remove(claim);
            refused(ask(Tokens.sign(claims)));
        }
        Map<String, Object> withoutIat = Tokens.claimsOf("user-3", "user");
        withoutIat.remove("iat");
        askWithHeader("Bearer " + Tokens.sign(withoutIat)).statusCode(200)
                .body("data.viewer.subject", equalTo("user-3"));
    }

    @Test
    void timesInTheFutureBeyondTheClockSkewAreRefused() {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> issuedTomorrow = Tokens.claimsOf("user-4", "user");
        issuedTomorrow.put("iat", now + 86_400);
        issuedTomorrow.put("exp", now + 2 * 86_400);
        refused(ask(Tokens.sign(issuedTomorrow)));
        Map<String, Object> notBeforeTomorrow = Tokens.claimsOf("user-4", "user");
        notBeforeTomorrow.put("nbf", now + 86_400);
        refused(ask(Tokens.sign(notBeforeTomorrow)));
        Map<String, Object> withinSkew = Tokens.claimsOf("user-4", "user");
        withinSkew.put("iat", now + 30);
        withinSkew.put("nbf", now + 30);
        ask(Tokens.sign(withinSkew)).statusCode(200);
        Map<String, Object> expiredWithinSkew = Tokens.claimsOf("user-4", "user");
        expiredWithinSkew.put("iat", now - 600);
        expiredWithinSkew.put("exp", now - 30);
        ask(Tokens.sign(expiredWithinSkew)).statusCode(200);
        Map<String, Object> expiredBeyondSkew = Tokens.claimsOf("user-4", "user");
        expiredBeyondSkew.put("iat", now - 600);
        expiredBeyondSkew.put("exp", now - 120);
        refused(ask(Tokens.sign(expiredBeyondSkew)));
    }

    @Test
    void onlyRs256IsAccepted() {
        refused(ask(Tokens.signHs256(Tokens.claimsOf("user-5", "staff"))));
        refused(ask(Tokens.unsigned("user-5", "staff")));
    }

    @Test
    void theCallerIsTheSubjectWhateverOtherNameClaimsSay() {
        Map<String, Object> claims = Tokens.claimsOf("fan-1", "user");
        claims.put("upn", "fan-2");
        claims.put("preferred_username", "fan-3");
        askWithHeader("Bearer " + Tokens.sign(claims)).statusCode(200).body("data.viewer.subject", equalTo("fan-1"));
    }

    @Test
    void aSubjectMustBeUsableAsAnIdentity() {
        for (Object subject : new Object[] { "", "   ", "a\nb", "x".repeat(256), 42 }) {
            Map<String, Object> claims = Tokens.claimsOf("ignored", "user");
            claims.put("sub", subject);
            refused(ask(Tokens.sign(claims)));
        }
    }
}
