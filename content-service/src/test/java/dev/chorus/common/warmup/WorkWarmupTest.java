package dev.chorus.common.warmup;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.chorus.content.work.WorkWarmup;
import dev.chorus.test.GraphQLClient;
import dev.chorus.test.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** content-service warms itself with requests that all answer (README "Configuration": CHORUS_WARMUP_SECONDS). */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class WorkWarmupTest {
    @TestHTTPResource("/")
    URL root;
    @Inject
    WorkWarmup requests;

    @Test
    void theWarmUpReplaysReadsThatAllAnswerAndIsNotReadyUntilDone() throws Exception {
        String creator = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            String id = GraphQLClient.ok("mutation($i: CreateWorkInput!) { createWork(input: $i) { id } }", Map.of("i",
                    Map.of("title", "warm " + i, "kind", "ORIGINAL", "durationSeconds", 200, "credits",
                            new ArrayList<>(List.of(Map.of("creatorId", creator, "role", "PERFORMER")))))).getString("data.createWork.id");
            GraphQLClient.ok("mutation($id: ID!) { publishWork(input: {id: $id}) { id } }", Map.of("id", id));
        }
        WarmupAssertions.warmsWithoutFailures(new Warmup(2, root.getPort(), requests));
    }
}
