package dev.chorus.creator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.chorus.test.Client;
import dev.chorus.test.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The README's matrix for creator-service, asked directly at the service: every mutation and private field as
 * anonymous, another signed-in user, another creator, the creator itself and staff.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class AccessTest {
    static final String PROFILE = "mutation($id: ID!, $bio: String) { updateCreatorProfile(input: {id: $id, bio: $bio}) "
            + "{ bio } }";
    static final String LINK = "mutation($id: ID!, $ext: String!) { linkPlatformAccount(input: {creatorId: $id, "
            + "platform: BILIBILI, externalId: $ext}) { platformAccounts { externalId } } }";
    static final String UNLINK = "mutation($id: ID!) { unlinkPlatformAccount(input: {creatorId: $id, "
            + "platform: BILIBILI}) { platformAccounts { externalId } } }";
    static final String READ = "query($id: ID!) { creator(id: $id) { id bio status suspendedAt suspensionReason "
            + "tierHistory { to } platformAccounts { externalId } } }";

    final Client anonymous = Client.anonymous();
    final Client user = Client.user("fan-1");
    final Client staff = Client.staff();

    @Test
    void onlyStaffRegistersCreators() {
        Map<String, Object> input = Map.of("input", Map.of("handle", GraphQL.uniqueHandle("reg"), "displayName", "R",
                "kind", "PERSON"));
        anonymous.fails("UNAUTHENTICATED", null, GraphQL.REGISTER, input);
        user.fails("FORBIDDEN", null, GraphQL.REGISTER, input);
        Client.creator(GraphQL.register(GraphQL.uniqueHandle("someone"))).fails("FORBIDDEN", null, GraphQL.REGISTER,
                input);
        assertNotNull(staff.ok(GraphQL.REGISTER, input).getString("data.registerCreator.id"));
    }

    @Test
    void theCreatorAndStaffEditTheProfileAndAccounts() {
        String id = GraphQL.register(GraphQL.uniqueHandle("owner"));
        Client owner = Client.creator(id);
        Client other = Client.creator(GraphQL.register(GraphQL.uniqueHandle("other")));
        String ext = String.valueOf(1_000_000 + Math.abs(id.hashCode() % 1_000_000));

        for (var refused : List.of(Map.entry(anonymous, "UNAUTHENTICATED"), Map.entry(user, "FORBIDDEN"),
                Map.entry(other, "FORBIDDEN"))) {
            refused.getKey().fails(refused.getValue(), null, PROFILE, Map.of("id", id, "bio", "forged"));
            refused.getKey().fails(refused.getValue(), null, LINK, Map.of("id", id, "ext", ext));
        }
        JsonPath untouched = staff.ok(READ, Map.of("id", id));
        assertNull(untouched.get("data.creator.bio"));
        assertEquals(List.of(), untouched.getList("data.creator.platformAccounts"));

        assertEquals("mine", owner.ok(PROFILE, Map.of("id", id, "bio", "mine")).getString("data.updateCreatorProfile.bio"));
        assertEquals("by staff", staff.ok(PROFILE, Map.of("id", id, "bio", "by staff"))
                .getString("data.updateCreatorProfile.bio"));
        assertEquals(List.of(ext), owner.ok(LINK, Map.of("id", id, "ext", ext))
                .getList("data.linkPlatformAccount.platformAccounts.externalId"));

        for (var refused : List.of(Map.entry(anonymous, "UNAUTHENTICATED"), Map.entry(user, "FORBIDDEN"),
                Map.entry(other, "FORBIDDEN"))) {
            refused.getKey().fails(refused.getValue(), null, UNLINK, Map.of("id", id));
        }
        assertEquals(List.of(), owner.ok(UNLINK, Map.of("id", id)).getList("data.unlinkPlatformAccount.platformAccounts"));
        staff.ok(LINK, Map.of("id", id, "ext", ext));
        assertEquals(List.of(), staff.ok(UNLINK, Map.of("id", id)).getList("data.unlinkPlatformAccount.platformAccounts"));
    }

    @Test
    void standingIsStaffOnly() {
        String id = GraphQL.register(GraphQL.uniqueHandle("standing"));
        Client owner = Client.creator(id);
        List<Map.Entry<String, Map<String, Object>>> mutations = List.of(
                Map.entry(ProgrammeStandingTest.VERIFY, Map.of("id", id)),
                Map.entry(ProgrammeStandingTest.CHANGE_TIER, Map.of("id", id, "tier", "RISING", "reason", "charts")),
                Map.entry(ProgrammeStandingTest.SUSPEND, Map.of("id", id, "reason", "review")),
                Map.entry(ProgrammeStandingTest.REINSTATE, Map.of("id", id)));
        for (var mutation : mutations) {
            anonymous.fails("UNAUTHENTICATED", null, mutation.getKey(), mutation.getValue());
            user.fails("FORBIDDEN", null, mutation.getKey(), mutation.getValue());
            owner.fails("FORBIDDEN", null, mutation.getKey(), mutation.getValue());
        }
        JsonPath untouched = staff.ok("query($id: ID!) { creator(id: $id) { verified tier status } }", Map.of("id", id));
        assertFalse(untouched.getBoolean("data.creator.verified"));
        assertEquals("EMERGING", untouched.getString("data.creator.tier"));
        for (var mutation : mutations) {
            staff.ok(mutation.getKey(), mutation.getValue());
        }
    }

    @Test
    void aSuspendedCreatorIsSeenOnlyByItselfAndStaff() {
        String handle = GraphQL.uniqueHandle("hidden");
        String id = GraphQL.register(handle);
        staff.ok(ProgrammeStandingTest.SUSPEND, Map.of("id", id, "reason", "copyright review"));
        Client owner = Client.creator(id);
        Client other = Client.creator(GraphQL.register(GraphQL.uniqueHandle("peer")));
        String byHandle = "query($h: String!) { creatorByHandle(handle: $h) { id } }";
        String listed = "{ creators(first: 100, filter: {status: SUSPENDED}) { edges { node { id } } } }";

        for (Client outsider : List.of(anonymous, user, other)) {
            JsonPath read = outsider.ok(READ, Map.of("id", id));
            assertNull(read.get("data.creator"), read::prettify);
            assertNull(outsider.ok(byHandle, Map.of("h", handle)).get("data.creatorByHandle"));
            assertFalse(outsider.ok(listed).getList("data.creators.edges.node.id").contains(id));
        }
        other.fails("NOT_FOUND", "id", PROFILE, Map.of("id", id, "bio", "x"));

        for (Client insider : List.of(owner, staff)) {
            JsonPath read = insider.ok(READ, Map.of("id", id));
            assertEquals("SUSPENDED", read.getString("data.creator.status"));
            assertEquals("copyright review", read.getString("data.creator.suspensionReason"));
            assertEquals(id, insider.ok(byHandle, Map.of("h", handle)).getString("data.creatorByHandle.id"));
            assertTrue(insider.ok(listed).getList("data.creators.edges.node.id").contains(id));
        }
        owner.fails("FORBIDDEN", null, PROFILE, Map.of("id", id, "bio", "while suspended"));
        assertEquals("staff may", staff.ok(PROFILE, Map.of("id", id, "bio", "staff may"))
                .getString("data.updateCreatorProfile.bio"));
    }

    @Test
    void theTierHistoryIsPrivate() {
        String id = GraphQL.register(GraphQL.uniqueHandle("private"));
        for (Client outsider : List.of(anonymous, user, Client.creator(GraphQL.register(GraphQL.uniqueHandle("nosy"))))) {
            JsonPath read = outsider.ok(READ, Map.of("id", id));
            assertEquals(id, read.getString("data.creator.id"), read::prettify);
            assertNull(read.get("data.creator.tierHistory"), read::prettify);
        }
        for (Client insider : List.of(Client.creator(id), staff)) {
            assertEquals(List.of("EMERGING"), insider.ok(READ, Map.of("id", id)).getList("data.creator.tierHistory.to"));
        }
    }
}
