package dev.chorus.creator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.chorus.test.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class CreatorSearchTest {
    static final String CREATORS = "query($f: CreatorFilter, $first: Int, $after: String) { creators(filter: $f, "
            + "first: $first, after: $after) { totalCount edges { cursor node { id handle } } "
            + "pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }";

    private static List<String> ids(Map<String, Object> filter) {
        return GraphQL.ok(CREATORS, Map.of("f", filter, "first", 100)).getList("data.creators.edges.node.id");
    }

    @Test
    void nameSearchIsCaseInsensitiveAndWorksForChineseNamesHandlesAndAliases() {
        String genre = GraphQL.uniqueHandle("search");
        // digits only, so that no letter search below can match the tag by chance (a random "jj" once did)
        String tag = Integer.toString(java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
        String chinese = GraphQL.register(Map.of("handle", GraphQL.uniqueHandle("cn"), "displayName",
                "林俊杰" + tag, "kind", "PERSON", "genres", List.of(genre)));
        String latin = GraphQL.register(Map.of("handle", GraphQL.uniqueHandle("latin"), "displayName",
                "JJ Lin " + tag, "kind", "PERSON", "genres", List.of(genre)));
        String byAlias = GraphQL.register(Map.of("handle", GraphQL.uniqueHandle("alias"), "displayName",
                "Someone", "kind", "GROUP", "genres", List.of(genre),
                "aliases", List.of(Map.of("name", "五月天" + tag, "locale", "zh-Hant"))));
        String byHandle = GraphQL.register(Map.of("handle", "h" + tag + "_x", "displayName", "Other",
                "kind", "PERSON", "genres", List.of(genre)));

        assertEquals(List.of(chinese), ids(Map.of("genre", genre, "search", "俊杰")));
        assertEquals(List.of(latin), ids(Map.of("genre", genre, "search", "jj LIN")));
        assertEquals(List.of(latin), ids(Map.of("genre", genre, "search", "ＪＪ")), "full-width letters match too");
        assertEquals(List.of(byAlias), ids(Map.of("genre", genre, "search", "五月")));
        assertEquals(List.of(byHandle), ids(Map.of("genre", genre, "search", "H" + tag.toUpperCase() + "_")));
        assertEquals(4, ids(Map.of("genre", genre, "search", tag)).size());
        assertEquals(List.of(), ids(Map.of("genre", genre, "search", "%")), "LIKE wildcards are plain text");
    }

    @Test
    void filtersCombineByGenreAndRegion() {
        String genre = GraphQL.uniqueHandle("region");
        String cn = GraphQL.register(Map.of("handle", GraphQL.uniqueHandle("cn"), "displayName", "a",
                "kind", "PERSON", "region", "CN", "genres", List.of(genre, "rock")));
        String tw = GraphQL.register(Map.of("handle", GraphQL.uniqueHandle("tw"), "displayName", "b",
                "kind", "PERSON", "region", "TW", "genres", List.of(genre)));

        assertEquals(List.of(tw, cn), ids(Map.of("genre", genre)), "newest first");
        assertEquals(List.of(cn), ids(Map.of("genre", genre.toUpperCase(), "region", "cn")));
        assertEquals(List.of(tw), ids(Map.of("genre", genre, "region", "TW")));
        GraphQL.fails("BAD_USER_INPUT", "filter.region", CREATORS, Map.of("f", Map.of("region", "XX")));
    }

    @Test
    void pagesWalkEveryMatchOnceWithTheTotal() {
        String genre = GraphQL.uniqueHandle("pages");
        List<String> registered = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            registered.add(0, GraphQL.register(Map.of("handle", GraphQL.uniqueHandle("p" + i), "displayName",
                    "p" + i, "kind", "PERSON", "genres", List.of(genre))));
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        while (true) {
            Map<String, Object> variables = new HashMap<>(Map.of("f", Map.of("genre", genre), "first", 3));
            variables.put("after", after);
            JsonPath page = GraphQL.ok(CREATORS, variables).setRootPath("data.creators");
            assertEquals(7, page.getInt("totalCount"));
            assertEquals(after != null, page.getBoolean("pageInfo.hasPreviousPage"));
            seen.addAll(page.getList("edges.node.id"));
            pages++;
            if (!page.getBoolean("pageInfo.hasNextPage")) {
                break;
            }
            after = page.getString("pageInfo.endCursor");
            assertEquals(after, page.getString("edges[2].cursor"));
        }
        assertEquals(3, pages);
        assertEquals(registered, seen);
    }

    @Test
    void firstZeroAnswersOnlyTheCount() {
        String genre = GraphQL.uniqueHandle("zero");
        GraphQL.register(Map.of("handle", GraphQL.uniqueHandle("z"), "displayName", "z", "kind", "PERSON",
                "genres", List.of(genre)));
        JsonPath page = GraphQL.ok(CREATORS, Map.of("f", Map.of("genre", genre), "first", 0))
                .setRootPath("data.creators");
        assertEquals(1, page.getInt("totalCount"));
        assertEquals(List.of(), page.getList("edges"));
        assertTrue(page.getBoolean("pageInfo.hasNextPage"));
        assertNull(page.get("pageInfo.endCursor"));
    }

    @Test
    void badPagingArgumentsAreRefused() {
        GraphQL.fails("BAD_USER_INPUT", "first", CREATORS, Map.of("first", 101));
        GraphQL.fails("BAD_USER_INPUT", "first", CREATORS, Map.of("first", -1));
        GraphQL.fails("BAD_USER_INPUT", "after", CREATORS, Map.of("after", "not a cursor"));
        GraphQL.fails("BAD_USER_INPUT", "after", CREATORS, Map.of("after", "YzEfeB94"));
        GraphQL.fails("BAD_USER_INPUT", "filter.search", CREATORS, Map.of("f", Map.of("search", "s".repeat(101))));
        assertFalse(GraphQL.post(CREATORS, Map.of("after", "not a cursor")).prettify().contains("at dev."));
    }
}
