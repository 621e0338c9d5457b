package dev.chorus.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.chorus.test.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A fresh service (its own profile, so its own start) whose very first requests arrive together, as when a
 * loader starts: SmallRye GraphQL builds its GraphQL object on the first request, without a lock, and the
 * schema it executes on must come out whole however many requests build it at once (it once did not: "Variable
 * 'i' of type 'CreateWorkInput!' used in position expecting type 'CreateWorkInput!'").
 */
@QuarkusTest
@TestProfile(FirstRequestsTest.Fresh.class)
@QuarkusTestResource(PostgresTestResource.class)
class FirstRequestsTest {
    public static class Fresh implements QuarkusTestProfile {
    }

    @Test
    void concurrentFirstRequestsAreAllAnswered() throws Exception {
        String performer = java.util.UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<JsonPath>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return dev.chorus.test.Client.staff().post(
                            "mutation($i: CreateWorkInput!) { createWork(input: $i) { id } }",
                            Map.of("i", Content.work("first " + n, "ORIGINAL", performer)));
                }));
            }
            start.countDown();
            for (Future<JsonPath> answer : answers) {
                JsonPath json = answer.get();
                assertEquals((Object) null, json.get("errors"), json::prettify);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
