package dev.chorus.creator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import dev.chorus.test.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class PlatformAccountTest {
    static final String LINK = "mutation($input: LinkPlatformAccountInput!) { linkPlatformAccount(input: $input) "
            + "{ id platformAccounts { platform externalId } } }";
    static final String UNLINK = "mutation($input: UnlinkPlatformAccountInput!) { unlinkPlatformAccount(input: $input) "
            + "{ id platformAccounts { platform externalId } } }";
    static final String BY_ACCOUNT = "query($p: Platform!, $x: String!) { creatorByPlatformAccount(platform: $p, "
            + "externalId: $x) { id } }";

    static String bilibiliUid() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000L, 9_999_999_999L));
    }

    static String qqMusicMid() {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        StringBuilder mid = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            mid.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return mid.toString();
    }

    private static Map<String, Object> link(String creatorId, String platform, String externalId) {
        return Map.of("input", Map.of("creatorId", creatorId, "platform", platform, "externalId", externalId));
    }

    @Test
    void linkingBothPlatformsAndLookingUpByEither() {
        String id = GraphQL.register(GraphQL.uniqueHandle("linked"));
        String uid = bilibiliUid();
        String mid = qqMusicMid();

        GraphQL.ok(LINK, link(id, "BILIBILI", uid));
        JsonPath linked = GraphQL.ok(LINK, link(id, "QQ_MUSIC", mid));

        assertEquals(List.of("BILIBILI", "QQ_MUSIC"), linked.getList("data.linkPlatformAccount.platformAccounts.platform"));
        assertEquals(List.of(uid, mid), linked.getList("data.linkPlatformAccount.platformAccounts.externalId"));
        assertEquals(id, GraphQL.ok(BY_ACCOUNT, Map.of("p", "BILIBILI", "x", uid))
                .getString("data.creatorByPlatformAccount.id"));
        assertEquals(id, GraphQL.ok(BY_ACCOUNT, Map.of("p", "QQ_MUSIC", "x", mid))
                .getString("data.creatorByPlatformAccount.id"));
        assertNull(GraphQL.ok(BY_ACCOUNT, Map.of("p", "QQ_MUSIC", "x", qqMusicMid()))
                .get("data.creatorByPlatformAccount"));
    }

    @Test
    void linkingTheSameAccountTwiceChangesNothing() {
        String id = GraphQL.register(GraphQL.uniqueHandle("twice"));
        String uid = bilibiliUid();
        GraphQL.ok(LINK, link(id, "BILIBILI", uid));
        JsonPath again = GraphQL.ok(LINK, link(id, "BILIBILI", uid));
        assertEquals(List.of(uid), again.getList("data.linkPlatformAccount.platformAccounts.externalId"));
    }

    @Test
    void anAccountBelongsToOneCreatorOnly() {
        String owner = GraphQL.register(GraphQL.uniqueHandle("owner"));
        String other = GraphQL.register(GraphQL.uniqueHandle("other"));
        String uid = bilibiliUid();
        GraphQL.ok(LINK, link(owner, "BILIBILI", uid));

        GraphQL.fails("CONFLICT", "externalId", LINK, link(other, "BILIBILI", uid));
        assertEquals(owner, GraphQL.ok(BY_ACCOUNT, Map.of("p", "BILIBILI", "x", uid))
                .getString("data.creatorByPlatformAccount.id"));
    }

    @Test
    void aSecondAccountOnOnePlatformMustReplaceTheFirst() {
        String id = GraphQL.register(GraphQL.uniqueHandle("second"));
        String first = bilibiliUid();
        GraphQL.ok(LINK, link(id, "BILIBILI", first));
        GraphQL.fails("CONFLICT", "platform", LINK, link(id, "BILIBILI", bilibiliUid()));

        JsonPath unlinked = GraphQL.ok(UNLINK, Map.of("input", Map.of("creatorId", id, "platform", "BILIBILI")));
        assertEquals(List.of(), unlinked.getList("data.unlinkPlatformAccount.platformAccounts"));
        assertNull(GraphQL.ok(BY_ACCOUNT, Map.of("p", "BILIBILI", "x", first)).get("data.creatorByPlatformAccount"));
        GraphQL.ok(LINK, link(id, "BILIBILI", bilibiliUid()));
    }

    @Test
    void invalidPlatformIdsAreRefused() {
        String id = GraphQL.register(GraphQL.uniqueHandle("invalid"));
        for (String uid : List.of("abc", "0123", "12345678901234567", "-5", "")) {
            GraphQL.fails("BAD_USER_INPUT", "externalId", LINK, link(id, "BILIBILI", uid));
        }
        for (String mid : List.of("short", "0025NhlN2yWrP4X", "0025NhlN2yWr-4", "周杰伦周杰伦周杰伦周杰伦周杰")) {
            GraphQL.fails("BAD_USER_INPUT", "externalId", LINK, link(id, "QQ_MUSIC", mid));
        }
        GraphQL.fails("BAD_USER_INPUT", "externalId", BY_ACCOUNT, Map.of("p", "BILIBILI", "x", "abc"));
        assertEquals(List.of(), GraphQL.ok("query($id: ID!) { creator(id: $id) { platformAccounts { platform } } }",
                Map.of("id", id)).getList("data.creator.platformAccounts"));
    }

    @Test
    void unlinkingWhatIsNotLinkedIsNotFound() {
        String id = GraphQL.register(GraphQL.uniqueHandle("nolink"));
        GraphQL.fails("NOT_FOUND", "platform", UNLINK, Map.of("input", Map.of("creatorId", id, "platform", "QQ_MUSIC")));
        GraphQL.fails("NOT_FOUND", "creatorId", LINK,
                link("6f1c2a4e-0000-4000-8000-000000000001", "BILIBILI", bilibiliUid()));
    }
}
