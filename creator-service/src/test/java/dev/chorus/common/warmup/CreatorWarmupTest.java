package dev.chorus.common.warmup;

import java.net.URL;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.chorus.creator.creator.CreatorWarmup;
import dev.chorus.test.GraphQLClient;
import dev.chorus.test.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** creator-service warms itself with requests that all answer (README "Configuration": CHORUS_WARMUP_SECONDS). */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class CreatorWarmupTest {
    @TestHTTPResource("/")
    URL root;
    @Inject
    CreatorWarmup requests;

    @Test
    void theWarmUpReplaysReadsThatAllAnswerAndIsNotReadyUntilDone() throws Exception {
        for (int i = 0; i < 3; i++) {
            GraphQLClient.ok("mutation($i: RegisterCreatorInput!) { registerCreator(input: $i) { id } }", Map.of("i",
                    Map.of("handle", "warm_" + System.nanoTime(), "displayName", "Warm", "kind", "PERSON",
                            "genres", List.of("pop"))));
        }
        WarmupAssertions.warmsWithoutFailures(new Warmup(2, root.getPort(), requests));
    }
}
