package dev.chorus.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.chorus.test.GraphQLClient;
import dev.chorus.test.Pages;
import dev.chorus.test.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Every kind of cursor, followed to the end one node at a time: each node once, in order, and the last page says
 * so; a cursor of one list given to a list of another kind is BAD_USER_INPUT on {@code after}.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class PagingTest {
    static final String CREATOR_LISTS = "query($r: [_Any!]!, $a: String, $b: String) { _entities(representations: $r) { "
            + "... on Creator { works(first: 1, after: $a) { totalCount edges { cursor node { id } } pageInfo { hasNextPage } } "
            + "credits(first: 1, after: $b) { edges { cursor node { role work { id } } } pageInfo { hasNextPage } } } } }";

    @Test
    void aCreatorsWorksAndCreditsAreFollowedToTheEndByTheirCursors() {
        String creator = Content.creator();
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(Content.publishedWork("paging " + i, "ORIGINAL", null, creator));
        }
        Map<String, Object> representations = Map.of("r", List.of(Map.of("__typename", "Creator", "ref", creator)));
        List<String> works = Pages.follow(CREATOR_LISTS, representations, "a", "data._entities[0].works", "node.id");
        assertEquals(List.of(made.get(2), made.get(1), made.get(0)), works, "newest first, each once");
        List<String> credited = Pages.follow(CREATOR_LISTS, representations, "b", "data._entities[0].credits", "node.work.id");
        assertEquals(3, credited.size());
        assertEquals(3, new java.util.HashSet<>(credited).size(), "each credit line once");
        assertTrue(credited.containsAll(made));
    }

    @Test
    void aCursorOfAnotherKindOfListIsRefusedOnAfter() {
        String creator = Content.creator();
        Content.publishedWork("paging a", "ORIGINAL", null, creator);
        Content.publishedWork("paging b", "ORIGINAL", null, creator);
        Map<String, Object> representations = Map.of("r", List.of(Map.of("__typename", "Creator", "ref", creator)));
        String worksCursor = GraphQLClient.ok(CREATOR_LISTS, representations)
                .getString("data._entities[0].works.edges[0].cursor");
        String creditsCursor = GraphQLClient.ok(CREATOR_LISTS, representations)
                .getString("data._entities[0].credits.edges[0].cursor");
        Map<String, Object> wrong = new HashMap<>(representations);
        wrong.put("b", worksCursor); // a (time, id) cursor where an (id, number) one belongs
        JsonPath refused = GraphQLClient.post(CREATOR_LISTS, wrong);
        assertEquals("BAD_USER_INPUT", refused.getString("errors[0].extensions.code"), refused.prettify());
        assertEquals("after", refused.getString("errors[0].extensions.field"), refused.prettify());
        wrong.put("b", null);
        wrong.put("a", creditsCursor);
        JsonPath alsoRefused = GraphQLClient.post(CREATOR_LISTS, wrong);
        assertEquals("after", alsoRefused.getString("errors[0].extensions.field"), alsoRefused.prettify());
        assertFalse(alsoRefused.prettify().contains("Exception"), alsoRefused.prettify());
    }
}
