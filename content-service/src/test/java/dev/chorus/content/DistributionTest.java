package dev.chorus.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.chorus.test.GraphQLClient;
import dev.chorus.test.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class DistributionTest {
    static final String DISTRIBUTE = "mutation($input: DistributeInput!) { distribute(input: $input) { id status platform } }";
    static final String LIVE = "mutation($id: ID!, $x: String!) { markDistributionLive(input: {id: $id, externalId: $x}) { status externalId } }";
    static final String TAKE_DOWN = "mutation($id: ID!) { takeDownDistribution(input: {id: $id}) { status } }";

    @Test
    void aDistributionGoesPendingLiveTakenDown() {
        String work = Content.publishedWork("上线", "ORIGINAL", null, Content.creator());
        String id = GraphQLClient.ok(DISTRIBUTE, Map.of("input", Map.of("workId", work, "platform", "BILIBILI")))
                .getString("data.distribute.id");
        GraphQLClient.fails("CONFLICT", "platform", DISTRIBUTE, Map.of("input", Map.of("workId", work, "platform", "BILIBILI")));
        GraphQLClient.fails("CONFLICT", "id", TAKE_DOWN, Map.of("id", id));
        assertEquals("LIVE", GraphQLClient.ok(LIVE, Map.of("id", id, "x", "BV1xx411c7mD"))
                .getString("data.markDistributionLive.status"));
        GraphQLClient.fails("CONFLICT", "id", LIVE, Map.of("id", id, "x", "BV1xx411c7mD"));
        assertEquals("TAKEN_DOWN", GraphQLClient.ok(TAKE_DOWN, Map.of("id", id)).getString("data.takeDownDistribution.status"));
        GraphQLClient.fails("CONFLICT", "id", TAKE_DOWN, Map.of("id", id));

        assertEquals(List.of("TAKEN_DOWN"), GraphQLClient.ok("query($id: ID!) { work(id: $id) { distributions { status externalId } } }",
                Map.of("id", work)).getList("data.work.distributions.status"));
    }

    @Test
    void onlyPublishedWorksAndExactlyOneTarget() {
        String draft = Content.createWork(Content.work("draft", "ORIGINAL", Content.creator()));
        GraphQLClient.fails("CONFLICT", "workId", DISTRIBUTE, Map.of("input", Map.of("workId", draft, "platform", "QQ_MUSIC")));
        GraphQLClient.fails("BAD_USER_INPUT", "workId", DISTRIBUTE, Map.of("input", Map.of("platform", "QQ_MUSIC")));
        GraphQLClient.fails("NOT_FOUND", "albumId", DISTRIBUTE, Map.of("input", Map.of("albumId", Content.creator(),
                "platform", "QQ_MUSIC")));
    }
}
