package dev.chorus.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.chorus.test.GraphQLClient;
import dev.chorus.test.PostgresTestResource;
import dev.chorus.test.SqlStatementCounter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class BatchingTest {
    /** Creator.works and the fields under it, for many creators at once (as the gateway asks). */
    static final String CREATORS_WORKS = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Creator { ref "
            + "works(first: 3) { totalCount edges { node { id credits { role creator { ref } } "
            + "remixes(first: 2) { totalCount edges { node { id derivedFrom { id } } } } engagement { plays } } } } "
            + "albums { totalCount edges { node { id tracks { work { id } } } } } "
            + "credits(first: 5) { totalCount edges { node { role work { id } } } } } } }";

    private static List<String> creators;

    @BeforeEach
    void fiftyCreatorsWithWorksRemixesAndAlbums() {
        if (creators != null) {
            return; // made once for the class; the tests only read
        }
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String creator = Content.creator();
            String original = Content.publishedWork("song " + i, "ORIGINAL", null, creator);
            Content.publishedWork("song " + i + " (remix)", "REMIX", original, Content.creator());
            Content.publishedWork("song " + i + " b-side", "ORIGINAL", null, creator);
            GraphQLClient.ok(AlbumTest.CREATE, Map.of("input", new HashMap<>(Map.of("title", "album " + i, "kind", "EP",
                    "primaryArtistIds", List.of(creator), "trackWorkIds", List.of(original)))));
            made.add(creator);
        }
        creators = made;
    }

    private long statementsFor(int count, SqlStatementCounter sql) {
        List<Map<String, Object>> representations = creators.subList(0, count).stream()
                .map(id -> Map.<String, Object> of("__typename", "Creator", "ref", id)).toList();
        sql.reset();
        JsonPath answer = GraphQLClient.ok(CREATORS_WORKS, Map.of("r", representations));
        long statements = sql.count();
        for (int i = 0; i < count; i++) {
            String at = "data._entities[" + i + "].";
            assertEquals(2, answer.getInt(at + "works.totalCount"));
            assertEquals(1, answer.getInt(at + "albums.totalCount"));
            assertEquals(2, answer.getInt(at + "credits.totalCount"));
            assertEquals(List.of(creators.get(i)), answer.getList(at + "works.edges[0].node.credits.creator.ref"));
            List<Integer> remixCounts = answer.getList(at + "works.edges.node.remixes.totalCount");
            assertEquals(1, remixCounts.stream().mapToInt(Integer::intValue).sum(), "one of the two works has a remix");
        }
        return statements;
    }

    @Test
    void creatorWorksForFiftyCreatorsCostTheSameStatementsAsForOne() {
        try (SqlStatementCounter sql = SqlStatementCounter.forApplicationDatabase()) {
            long one = statementsFor(1, sql);
            long fifty = statementsFor(50, sql);
            assertEquals(one, fifty, "statements for 1 and for 50 creators");
        }
    }
}
