package dev.chorus.creator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.chorus.test.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ProgrammeStandingTest {
    static final String VERIFY = "mutation($id: ID!) { verifyCreator(input: {id: $id}) { verified verifiedAt } }";
    static final String CHANGE_TIER = "mutation($id: ID!, $tier: Tier!, $reason: String!) { changeCreatorTier("
            + "input: {id: $id, tier: $tier, reason: $reason}) { tier tierHistory { from to reason at } } }";
    static final String SUSPEND = "mutation($id: ID!, $reason: String!) { suspendCreator(input: {id: $id, reason: $reason}) "
            + "{ status suspendedAt suspensionReason } }";
    static final String REINSTATE = "mutation($id: ID!) { reinstateCreator(input: {id: $id}) "
            + "{ status suspendedAt suspensionReason } }";

    @Test
    void verifyingOnceRecordsWhen() {
        String id = GraphQL.register(GraphQL.uniqueHandle("verify"));
        JsonPath verified = GraphQL.ok(VERIFY, Map.of("id", id));
        assertTrue(verified.getBoolean("data.verifyCreator.verified"));
        assertNotNull(verified.get("data.verifyCreator.verifiedAt"));

        GraphQL.fails("CONFLICT", "id", VERIFY, Map.of("id", id));
        GraphQL.fails("NOT_FOUND", "id", VERIFY, Map.of("id", "6f1c2a4e-0000-4000-8000-000000000002"));
    }

    @Test
    void tierChangesAreRecordedWithTheirReasonsNewestFirst() {
        String id = GraphQL.register(GraphQL.uniqueHandle("tier"));
        GraphQL.ok(CHANGE_TIER, Map.of("id", id, "tier", "RISING", "reason", "100万播放 in one month"));
        JsonPath changed = GraphQL.ok(CHANGE_TIER, Map.of("id", id, "tier", "OUTSTANDING",
                "reason", "Selected for a music video")).setRootPath("data.changeCreatorTier");

        assertEquals("OUTSTANDING", changed.getString("tier"));
        assertEquals(Arrays.asList("RISING", "EMERGING", null), changed.getList("tierHistory.from"));
        assertEquals(List.of("OUTSTANDING", "RISING", "EMERGING"), changed.getList("tierHistory.to"));
        assertEquals(List.of("Selected for a music video", "100万播放 in one month", "Registered"),
                changed.getList("tierHistory.reason"));
    }

    @Test
    void aTierChangeNeedsAReasonAndAChange() {
        String id = GraphQL.register(GraphQL.uniqueHandle("noreason"));
        GraphQL.fails("BAD_USER_INPUT", "reason", CHANGE_TIER, Map.of("id", id, "tier", "RISING", "reason", "  "));
        GraphQL.fails("BAD_USER_INPUT", "reason", CHANGE_TIER,
                Map.of("id", id, "tier", "RISING", "reason", "r".repeat(501)));
        GraphQL.fails("CONFLICT", "tier", CHANGE_TIER, Map.of("id", id, "tier", "EMERGING", "reason", "same"));

        JsonPath read = GraphQL.ok("query($id: ID!) { creator(id: $id) { tier tierHistory { to } } }", Map.of("id", id));
        assertEquals("EMERGING", read.getString("data.creator.tier"));
        assertEquals(1, read.getList("data.creator.tierHistory").size(), "refused changes leave no history");
    }

    @Test
    void suspendingAndReinstatingFollowTheirTransitions() {
        String id = GraphQL.register(GraphQL.uniqueHandle("suspend"));
        GraphQL.fails("CONFLICT", "id", REINSTATE, Map.of("id", id));

        JsonPath suspended = GraphQL.ok(SUSPEND, Map.of("id", id, "reason", "Copyright complaint"));
        assertEquals("SUSPENDED", suspended.getString("data.suspendCreator.status"));
        assertEquals("Copyright complaint", suspended.getString("data.suspendCreator.suspensionReason"));
        assertNotNull(suspended.get("data.suspendCreator.suspendedAt"));
        GraphQL.fails("CONFLICT", "id", SUSPEND, Map.of("id", id, "reason", "again"));

        JsonPath reinstated = GraphQL.ok(REINSTATE, Map.of("id", id));
        assertEquals("ACTIVE", reinstated.getString("data.reinstateCreator.status"));
        assertNull(reinstated.get("data.reinstateCreator.suspendedAt"));
        assertNull(reinstated.get("data.reinstateCreator.suspensionReason"));
    }

    @Test
    void filteringByStandingFindsOnlyMatchingCreators() {
        String genre = GraphQL.uniqueHandle("standing");
        String plain = GraphQL.register(Map.of("handle", GraphQL.uniqueHandle("plain"), "displayName", "p",
                "kind", "PERSON", "genres", List.of(genre)));
        String star = GraphQL.register(Map.of("handle", GraphQL.uniqueHandle("star"), "displayName", "s",
                "kind", "PERSON", "genres", List.of(genre)));
        GraphQL.ok(VERIFY, Map.of("id", star));
        GraphQL.ok(CHANGE_TIER, Map.of("id", star, "tier", "OUTSTANDING", "reason", "chart topper"));
        GraphQL.ok(SUSPEND, Map.of("id", plain, "reason", "paused"));

        String query = "query($f: CreatorFilter) { creators(filter: $f) { totalCount edges { node { id } } } }";
        assertEquals(List.of(star), GraphQL.ok(query, Map.of("f", Map.of("genre", genre, "verified", true)))
                .getList("data.creators.edges.node.id"));
        assertEquals(List.of(plain), GraphQL.ok(query, Map.of("f", Map.of("genre", genre, "verified", false)))
                .getList("data.creators.edges.node.id"));
        assertEquals(List.of(star), GraphQL.ok(query, Map.of("f", Map.of("genre", genre, "tier", "OUTSTANDING")))
                .getList("data.creators.edges.node.id"));
        assertEquals(List.of(plain), GraphQL.ok(query, Map.of("f", Map.of("genre", genre, "status", "SUSPENDED")))
                .getList("data.creators.edges.node.id"));
        assertFalse(GraphQL.ok(query, Map.of("f", Map.of("genre", genre, "tier", "RISING")))
                .getList("data.creators.edges").iterator().hasNext());
    }
}
