package dev.chorus.creator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import dev.chorus.test.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class OperationsTest {

    @Test
    void healthEndpointsReportTheDatabase() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Reactive PostgreSQL connections health check"));
    }

    @Test
    void prometheusMetricsIncludeGraphQLOperations() {
        GraphQL.ok("{ creators(first: 1) { totalCount } }");
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("mp_graphql"))
                .body(containsString("http_server_requests_seconds_count"));
    }
}
