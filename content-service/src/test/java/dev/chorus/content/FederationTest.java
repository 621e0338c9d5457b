package dev.chorus.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.chorus.test.GraphQLClient;
import dev.chorus.test.PostgresTestResource;
import dev.chorus.test.SqlStatementCounter;
import dev.chorus.test.SubgraphSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class FederationTest {

    @Test
    void theServedSdlIsFederationTwoWithWorkAlbumAndTheCreatorStub() {
        String sdl = SubgraphSchema.served();
        assertTrue(sdl.contains("url : \"https://specs.apollo.dev/federation/v2.7\""), sdl);
        assertTrue(sdl.contains("type Work @key(fields : \"id\") @key(fields : \"ref\")"), sdl);
        assertTrue(sdl.contains("type Album @key(fields : \"id\")"), sdl);
        assertTrue(sdl.contains("type Creator @key(fields : \"ref\")"), sdl);
        assertTrue(sdl.contains("type PageInfo @shareable"), sdl);
    }

    @Test
    void connectionsAndEdgesHaveRelayNamesInTheSdlInIntrospectionAndWhenQueried() {
        String sdl = SubgraphSchema.served();
        assertTrue(sdl.contains("type WorkConnection {"), sdl);
        assertTrue(sdl.contains("edges: [WorkEdge!]!"), sdl);
        assertTrue(sdl.contains("works(after: String, filter: WorkFilter, first: Int, orderBy: WorkOrderBy): WorkConnection"), sdl);
        assertTrue(!sdl.contains("Connection_") && !sdl.contains("Edge_"), sdl);
        // one __type per request: graphql-java refuses more as introspection not in good faith
        JsonPath connection = GraphQLClient.ok("{ __type(name: \"WorkConnection\") { name fields { name } } }", Map.of());
        assertEquals(List.of("edges", "pageInfo", "totalCount"), connection.getList("data.__type.fields.name"));
        assertNull(GraphQLClient.ok("{ __type(name: \"Connection_Work\") { name } }", Map.of()).get("data.__type"));
        assertEquals("AlbumEdge", GraphQLClient.ok("{ __type(name: \"AlbumEdge\") { name } }", Map.of())
                .getString("data.__type.name"));
        JsonPath twice = GraphQLClient.post("{ a: __type(name: \"WorkEdge\") { name } b: __type(name: \"AlbumEdge\") { name } }",
                Map.of());
        assertEquals("BAD_USER_INPUT", twice.getString("errors[0].extensions.code"), twice.prettify());
        String work = Content.publishedWork("relay", "ORIGINAL", null, Content.creator());
        JsonPath listed = GraphQLClient.ok("query($id: ID!) { work(id: $id) { remixes { __typename totalCount "
                + "edges { __typename cursor node { id } } pageInfo { hasNextPage } } } }", Map.of("id", work));
        assertEquals("WorkConnection", listed.getString("data.work.remixes.__typename"));
        assertEquals(0, listed.getInt("data.work.remixes.totalCount"));
    }

    @Test
    void fiftyRepresentationsOfEachTypeInOneRequestAnswerInOrderWithOneStatementPerType() {
        String artist = Content.creator();
        List<String> works = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            works.add(Content.publishedWork("entity " + i, "ORIGINAL", null, artist));
        }
        List<String> albums = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            albums.add(GraphQLClient.ok(AlbumTest.CREATE, Map.of("input", new HashMap<>(Map.of("title", "album " + i,
                    "kind", "SINGLE", "primaryArtistIds", List.of(artist), "trackWorkIds", List.of(works.get(i))))))
                    .getString("data.createAlbum.id"));
        }
        List<Map<String, Object>> representations = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String work = i % 5 == 4 ? UUID.randomUUID().toString() : works.get(i % 5);
            String album = i % 5 == 3 ? "not-an-id" : albums.get((i * 3) % 5);
            String creator = UUID.randomUUID().toString();
            representations.add(Map.of("__typename", "Work", "id", work));
            representations.add(Map.of("__typename", "Album", "id", album));
            representations.add(Map.of("__typename", "Creator", "ref", creator));
            expected.add(works.contains(work) ? work : null);
            expected.add(albums.contains(album) ? album : null);
            expected.add(creator);
        }
        JsonPath answer;
        try (SqlStatementCounter sql = SqlStatementCounter.forApplicationDatabase()) {
            sql.reset();
            answer = GraphQLClient.ok("query($r: [_Any!]!) { _entities(representations: $r) { "
                    + "... on Work { id } ... on Album { id } ... on Creator { creatorRef: ref } } }", Map.of("r", representations));
            assertEquals(2, sql.count(), "one statement for the works, one for the albums, none for creator stubs");
        }
        List<Map<String, Object>> entities = answer.getList("data._entities");
        assertEquals(150, entities.size());
        for (int i = 0; i < 150; i++) {
            if (expected.get(i) == null) {
                assertNull(entities.get(i), "entity " + i);
            } else {
                Object id = entities.get(i).containsKey("creatorRef") ? entities.get(i).get("creatorRef")
                        : entities.get(i).get("id");
                assertEquals(expected.get(i), id, "entity " + i);
            }
        }
    }
}
