package dev.chorus.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;

/** Follows a connection to its end by its cursors, as a client pages, as programme staff. */
public final class Pages {
    private Pages() {
    }

    /**
     * Asks {@code query} (with {@code fixed} variables and the cursor in {@code cursorVariable}) one page of one node
     * after another until {@code hasNextPage} is false; the values at {@code at.edges.<idPath>}, in order.
     */
    public static List<String> follow(String query, Map<String, Object> fixed, String cursorVariable, String at,
            String idPath) {
        List<String> seen = new ArrayList<>();
        String after = null;
        for (int i = 0; i < 20; i++) {
            Map<String, Object> variables = new HashMap<>(fixed);
            variables.put(cursorVariable, after);
            JsonPath page = GraphQLClient.ok(query, variables);
            List<String> ids = page.getList(at + ".edges." + idPath);
            seen.addAll(ids);
            if (!page.getBoolean(at + ".pageInfo.hasNextPage")) {
                return seen;
            }
            assertEquals(1, ids.size(), "a full page before the end");
            after = page.getString(at + ".edges[0].cursor");
        }
        throw new AssertionError("no end after 20 pages: " + seen);
    }
}
