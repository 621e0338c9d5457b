package dev.chorus.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.chorus.test.Client;
import dev.chorus.test.GraphQLClient;
import dev.chorus.test.Pages;
import dev.chorus.test.PostgresTestResource;
import dev.chorus.test.SqlStatementCounter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A creator's works and a work's remixes in the order a page shows them: newest, most played (all time or in a
 * period), by title; ties broken by id, followed across a tie one node at a time, refused orderings, and the
 * same statements for one creator as for many.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class WorkOrderingTest {
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final String CREATOR_WORKS = "query($r: [_Any!]!, $o: WorkOrderBy, $first: Int, $a: String) { "
            + "_entities(representations: $r) { ... on Creator { works(orderBy: $o, first: $first, after: $a) { "
            + "totalCount edges { cursor node { id title } } pageInfo { hasNextPage } } } } }";
    static final String REMIXES = "query($id: ID!, $o: WorkOrderBy, $first: Int, $a: String) { work(id: $id) { "
            + "remixes(orderBy: $o, first: $first, after: $a) { edges { cursor node { id title } } "
            + "pageInfo { hasNextPage } } } }";
    static final String RECORD = "mutation($input: RecordEngagementInput!) { recordEngagement(input: $input) { works } }";

    record Made(String id, String title, long allPlays, long todayPlays) {
    }

    private static void plays(String work, LocalDate day, int plays) {
        Client.user("ordering-tests", "ingestion").ok(RECORD, Map.of("input", Map.of("day", day.toString(),
                "deltas", List.of(Map.of("workId", work, "plays", plays)))));
    }

    private static Map<String, Object> vars(String creator, Map<String, Object> orderBy, Integer first) {
        Map<String, Object> v = new HashMap<>();
        v.put("r", List.of(Map.of("__typename", "Creator", "ref", creator)));
        v.put("o", orderBy);
        v.put("first", first);
        return v;
    }

    private static List<String> all(String creator, Map<String, Object> orderBy) {
        return GraphQLClient.ok(CREATOR_WORKS, vars(creator, orderBy, 100)).getList("data._entities[0].works.edges.node.id");
    }

    private static List<String> followed(String creator, Map<String, Object> orderBy) {
        return Pages.follow(CREATOR_WORKS, vars(creator, orderBy, 1), "a", "data._entities[0].works", "node.id");
    }

    private static List<String> ids(List<Made> made, Comparator<Made> order) {
        return made.stream().sorted(order).map(Made::id).toList();
    }

    @Test
    void aCreatorsWorksByPlaysAndByTitleWithTiesBrokenByIdAcrossPages() {
        String creator = Content.creator();
        // ties on purpose: two titles equal but for case, two works with the same plays over all time
        String[] titles = { "beta", "Alpha", "gamma", "alpha", "Delta" };
        long[] yesterday = { 0, 10, 0, 0, 3 };
        long[] today = { 10, 0, 5, 0, 0 };
        List<Made> made = new ArrayList<>();
        for (int i = 0; i < titles.length; i++) {
            String id = Content.publishedWork(titles[i], "ORIGINAL", null, creator);
            if (yesterday[i] > 0) {
                plays(id, TODAY.minusDays(1), (int) yesterday[i]);
            }
            if (today[i] > 0) {
                plays(id, TODAY, (int) today[i]);
            }
            made.add(new Made(id, titles[i], yesterday[i] + today[i], today[i]));
        }
        Comparator<Made> byIdDesc = Comparator.comparing(Made::id).reversed();
        List<String> mostPlayed = ids(made, Comparator.comparingLong(Made::allPlays).reversed().thenComparing(byIdDesc));
        List<String> mostPlayedToday = ids(made,
                Comparator.comparingLong(Made::todayPlays).reversed().thenComparing(byIdDesc));
        List<String> byTitle = ids(made, Comparator.comparing((Made m) -> m.title().toLowerCase(Locale.ROOT))
                .thenComparing(Made::id));
        List<String> newest = new ArrayList<>(made.stream().map(Made::id).toList());
        java.util.Collections.reverse(newest);

        Map<String, Object> plays = Map.of("field", "MOST_PLAYED");
        Map<String, Object> playsToday = Map.of("field", "MOST_PLAYED", "from", TODAY.toString(), "to", TODAY.toString());
        Map<String, Object> title = Map.of("field", "TITLE");
        assertEquals(newest, all(creator, null), "newest first by default");
        assertEquals(newest, all(creator, Map.of("field", "NEWEST")));
        assertEquals(mostPlayed, all(creator, plays));
        assertEquals(mostPlayedToday, all(creator, playsToday));
        assertEquals(byTitle.subList(0, 2).stream().sorted().toList(), byTitle.subList(0, 2), "alpha/Alpha tie by id");
        assertEquals(byTitle, all(creator, title));

        // one node per page: the cursors cross every tie without repeating or skipping a work
        assertEquals(newest, followed(creator, null));
        assertEquals(mostPlayed, followed(creator, plays));
        assertEquals(mostPlayedToday, followed(creator, playsToday));
        assertEquals(byTitle, followed(creator, title));
    }

    @Test
    void aWorksRemixesAreOrderedTheSameWay() {
        String source = Content.publishedWork("source", "ORIGINAL", null, Content.creator());
        String zed = Content.publishedWork("Zed remix", "REMIX", source, Content.creator());
        String ace = Content.publishedWork("ace remix", "REMIX", source, Content.creator());
        String mid = Content.publishedWork("Mid remix", "REMIX", source, Content.creator());
        plays(mid, TODAY, 7);
        plays(zed, TODAY, 2);
        Map<String, Object> v = new HashMap<>(Map.of("id", source, "o", Map.of("field", "TITLE")));
        assertEquals(List.of(ace, mid, zed), GraphQLClient.ok(REMIXES, v).getList("data.work.remixes.edges.node.id"));
        v.put("first", 1);
        assertEquals(List.of(ace, mid, zed), Pages.follow(REMIXES, v, "a", "data.work.remixes", "node.id"));
        v.put("o", Map.of("field", "MOST_PLAYED"));
        v.remove("first");
        assertEquals(List.of(mid, zed, ace), GraphQLClient.ok(REMIXES, v).getList("data.work.remixes.edges.node.id"));
        v.put("o", null);
        assertEquals(List.of(mid, ace, zed), GraphQLClient.ok(REMIXES, v).getList("data.work.remixes.edges.node.id"),
                "newest first by default");
    }

    @Test
    void orderingsThatDoNotMakeSenseAreRefusedNamingTheField() {
        String creator = Content.creator();
        Content.publishedWork("one", "ORIGINAL", null, creator);
        Content.publishedWork("two", "ORIGINAL", null, creator);
        String day = TODAY.toString();
        GraphQLClient.fails("BAD_USER_INPUT", "orderBy.from", CREATOR_WORKS,
                vars(creator, Map.of("field", "NEWEST", "from", day, "to", day), null));
        GraphQLClient.fails("BAD_USER_INPUT", "orderBy.to", CREATOR_WORKS,
                vars(creator, Map.of("field", "MOST_PLAYED", "from", day), null));
        GraphQLClient.fails("BAD_USER_INPUT", "orderBy.from", CREATOR_WORKS,
                vars(creator, Map.of("field", "MOST_PLAYED", "to", day), null));
        GraphQLClient.fails("BAD_USER_INPUT", "orderBy.to", CREATOR_WORKS,
                vars(creator, Map.of("field", "MOST_PLAYED", "from", day, "to", TODAY.minusDays(1).toString()), null));
        JsonPath unknown = GraphQLClient.post(CREATOR_WORKS, vars(creator, Map.of("field", "LOUDEST"), null));
        assertEquals("BAD_USER_INPUT", unknown.getString("errors[0].extensions.code"), unknown.prettify());

        // a NEWEST cursor (time, id) is not a MOST_PLAYED one (plays, id)
        String newestCursor = GraphQLClient.ok(CREATOR_WORKS, vars(creator, null, 1))
                .getString("data._entities[0].works.edges[0].cursor");
        Map<String, Object> wrong = vars(creator, Map.of("field", "MOST_PLAYED"), 1);
        wrong.put("a", newestCursor);
        GraphQLClient.fails("BAD_USER_INPUT", "after", CREATOR_WORKS, wrong);
    }

    @Test
    void orderedPagesForManyCreatorsCostTheSameStatementsAsForOne() {
        List<String> creators = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String creator = Content.creator();
            creators.add(creator);
            String work = Content.publishedWork("batched " + i, "ORIGINAL", null, creator);
            Content.publishedWork("batched remix " + i, "REMIX", work, Content.creator());
            plays(work, TODAY, i + 1);
        }
        String query = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Creator { "
                + "works(orderBy: {field: MOST_PLAYED, from: \"" + TODAY + "\", to: \"" + TODAY + "\"}, first: 2) { "
                + "totalCount edges { cursor node { id remixes(orderBy: {field: TITLE}) { totalCount edges { "
                + "cursor node { id } } } } } } } } }";
        try (SqlStatementCounter sql = SqlStatementCounter.forApplicationDatabase()) {
            long[] statements = new long[2];
            int[] sizes = { 1, 12 };
            for (int s = 0; s < 2; s++) {
                List<Map<String, Object>> representations = creators.subList(0, sizes[s]).stream()
                        .map(c -> Map.<String, Object> of("__typename", "Creator", "ref", c)).toList();
                sql.reset();
                JsonPath answer = GraphQLClient.ok(query, Map.of("r", representations));
                statements[s] = sql.count();
                for (int i = 0; i < sizes[s]; i++) {
                    assertEquals(1, answer.getInt("data._entities[" + i + "].works.totalCount"));
                    assertEquals(1, answer.getInt("data._entities[" + i + "].works.edges[0].node.remixes.totalCount"));
                }
            }
            assertEquals(statements[0], statements[1], "statements for 1 and for 12 creators");
        }
    }
}
