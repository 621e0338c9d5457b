package dev.chorus.creator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.chorus.test.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ConcurrencyTest {

    @Test
    void twentyConcurrentRegistrationsOfOneHandleLetExactlyOneThrough() throws Exception {
        String handle = GraphQL.uniqueHandle("race");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<JsonPath>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return GraphQL.post(GraphQL.REGISTER, Map.of("input", Map.of("handle", handle,
                            "displayName", "racer " + n, "kind", "PERSON")));
                }));
            }
            start.countDown();
            int succeeded = 0;
            int conflicts = 0;
            for (Future<JsonPath> answer : answers) {
                JsonPath response = answer.get(60, TimeUnit.SECONDS);
                if (response.get("errors") == null) {
                    succeeded++;
                } else {
                    assertEquals("CONFLICT", response.getString("errors[0].extensions.code"), response::prettify);
                    assertEquals("handle", response.getString("errors[0].extensions.field"));
                    conflicts++;
                }
            }
            assertEquals(1, succeeded);
            assertEquals(19, conflicts);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, GraphQL.ok("query($f: CreatorFilter) { creators(filter: $f) { totalCount } }",
                Map.of("f", Map.of("search", handle))).getInt("data.creators.totalCount"));
    }
}
