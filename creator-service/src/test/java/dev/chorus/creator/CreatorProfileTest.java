package dev.chorus.creator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.chorus.test.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class CreatorProfileTest {
    static final String UPDATE = "mutation($input: UpdateCreatorProfileInput!) { updateCreatorProfile(input: $input) { "
            + GraphQL.CREATOR_FIELDS + " } }";

    @Test
    void updatingChangesOnlyTheFieldsGiven() {
        String handle = GraphQL.uniqueHandle("update");
        String id = GraphQL.register(Map.of("handle", handle, "displayName", "毛不易", "kind", "PERSON",
                "bio", "old bio", "region", "CN", "genres", List.of("folk"),
                "aliases", List.of(Map.of("name", "Mao Buyi", "locale", "en", "primary", true))));

        JsonPath updated = GraphQL.ok(UPDATE, Map.of("input", Map.of("id", id, "displayName", "毛不易 Mao Buyi",
                "genres", List.of("Folk", "民谣")))).setRootPath("data.updateCreatorProfile");

        assertEquals("毛不易 Mao Buyi", updated.getString("displayName"));
        assertEquals(List.of("folk", "民谣"), updated.getList("genres"));
        assertEquals("old bio", updated.getString("bio"), "bio was not given, so it stays");
        assertEquals("CN", updated.getString("region"));
        assertEquals(List.of("Mao Buyi"), updated.getList("aliases.name"), "aliases were not given, so they stay");
        assertNotEquals(updated.getString("joinedAt"), updated.getString("updatedAt"));
    }

    @Test
    void emptyBioAndRegionClearThemAndAliasesAreReplaced() {
        String id = GraphQL.register(Map.of("handle", GraphQL.uniqueHandle("clear"), "displayName", "x",
                "kind", "GROUP", "bio", "something", "region", "HK",
                "aliases", List.of(Map.of("name", "old", "locale", "en"))));

        JsonPath updated = GraphQL.ok(UPDATE, Map.of("input", Map.of("id", id, "bio", "", "region", " ",
                "aliases", List.of(Map.of("name", "新名字", "locale", "zh-Hant", "primary", true)))))
                .setRootPath("data.updateCreatorProfile");

        assertNull(updated.get("bio"));
        assertNull(updated.get("region"));
        assertEquals(List.of("新名字"), updated.getList("aliases.name"));
        assertEquals(List.of("zh-Hant"), updated.getList("aliases.locale"));
        // the search follows the new alias and forgets the old one
        assertEquals(1, searchCount(id, "新名字"));
        assertEquals(0, searchCount(id, "old"));
    }

    private static int searchCount(String id, String search) {
        List<String> ids = GraphQL.ok("query($s: String!) { creators(first: 100, filter: {search: $s}) "
                + "{ edges { node { id } } } }", Map.of("s", search)).getList("data.creators.edges.node.id");
        return (int) ids.stream().filter(id::equals).count();
    }

    @Test
    void refusedUpdatesChangeNothing() {
        String id = GraphQL.register(Map.of("handle", GraphQL.uniqueHandle("refused"), "displayName", "before",
                "kind", "PERSON", "aliases", List.of(Map.of("name", "keep", "locale", "en"))));

        GraphQL.fails("BAD_USER_INPUT", "region", UPDATE,
                Map.of("input", Map.of("id", id, "displayName", "after", "region", "ZZ")));
        GraphQL.fails("BAD_USER_INPUT", "aliases[0].name", UPDATE,
                Map.of("input", Map.of("id", id, "displayName", "after", "aliases", List.of(Map.of("name", " ",
                        "locale", "en")))));

        JsonPath read = GraphQL.ok("query($id: ID!) { creator(id: $id) { displayName aliases { name } } }",
                Map.of("id", id));
        assertEquals("before", read.getString("data.creator.displayName"));
        assertEquals(List.of("keep"), read.getList("data.creator.aliases.name"));
    }

    @Test
    void unknownAndMalformedIds() {
        GraphQL.fails("NOT_FOUND", "id", UPDATE,
                Map.of("input", Map.of("id", "6f1c2a4e-0000-4000-8000-000000000000", "displayName", "x")));
        GraphQL.fails("BAD_USER_INPUT", "id", UPDATE, Map.of("input", Map.of("id", "42", "displayName", "x")));
        assertNull(GraphQL.ok("{ creator(id: \"6f1c2a4e-0000-4000-8000-000000000000\") { id } }")
                .get("data.creator"));
        GraphQL.fails("BAD_USER_INPUT", "id", "{ creator(id: \"not-an-id\") { id } }", Map.of());
    }

    @Test
    void lookUpByHandleIgnoresCase() {
        String handle = GraphQL.uniqueHandle("lookup");
        String id = GraphQL.register(handle);
        assertEquals(id, GraphQL.ok("query($h: String!) { creatorByHandle(handle: $h) { id } }",
                Map.of("h", " " + handle.toUpperCase() + " ")).getString("data.creatorByHandle.id"));
        assertNull(GraphQL.ok("{ creatorByHandle(handle: \"nobody_here_at_all\") { id } }")
                .get("data.creatorByHandle"));
    }
}
