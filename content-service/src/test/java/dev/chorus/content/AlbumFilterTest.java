package dev.chorus.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.chorus.test.GraphQLClient;
import dev.chorus.test.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A creator's boutique albums in one query, and albums by artist: the filter where the page is. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class AlbumFilterTest {
    static final String CREATOR_ALBUMS = "query($r: [_Any!]!, $f: AlbumFilter) { _entities(representations: $r) { "
            + "... on Creator { albums(filter: $f) { totalCount edges { node { id boutique kind } } } } } }";

    private static String album(String artist, boolean boutique, String kind) {
        Map<String, Object> input = new HashMap<>(Map.of("title", "filter " + kind, "kind", kind, "boutique", boutique,
                "primaryArtistIds", List.of(artist)));
        return GraphQLClient.ok(AlbumTest.CREATE, Map.of("input", input)).getString("data.createAlbum.id");
    }

    private static List<String> ids(JsonPath answer, String at) {
        return answer.getList(at + ".edges.node.id");
    }

    @Test
    void aCreatorsAlbumsAreNarrowedByTheFilterAndAlbumsByArtist() {
        String artist = Content.creator();
        String other = Content.creator();
        String boutique = album(artist, true, "ALBUM");
        String ep = album(artist, false, "EP");
        album(other, true, "ALBUM");
        Map<String, Object> representation = Map.of("__typename", "Creator", "ref", artist);

        Map<String, Object> onlyBoutique = new HashMap<>(Map.of("r", List.of(representation)));
        onlyBoutique.put("f", Map.of("boutique", true));
        JsonPath answer = GraphQLClient.ok(CREATOR_ALBUMS, onlyBoutique);
        assertEquals(List.of(boutique), ids(answer, "data._entities[0].albums"));
        assertEquals(1, answer.getInt("data._entities[0].albums.totalCount"));

        Map<String, Object> byKind = new HashMap<>(Map.of("r", List.of(representation)));
        byKind.put("f", Map.of("kind", "EP"));
        assertEquals(List.of(ep), ids(GraphQLClient.ok(CREATOR_ALBUMS, byKind), "data._entities[0].albums"));

        Map<String, Object> none = new HashMap<>(Map.of("r", List.of(representation)));
        none.put("f", null);
        assertEquals(List.of(ep, boutique), ids(GraphQLClient.ok(CREATOR_ALBUMS, none), "data._entities[0].albums"));

        JsonPath byArtist = GraphQLClient.ok("query($a: ID) { albums(filter: {artistId: $a, boutique: true}) { "
                + "totalCount edges { node { id } } } }", Map.of("a", artist));
        assertEquals(List.of(boutique), ids(byArtist, "data.albums"));
        assertEquals(1, byArtist.getInt("data.albums.totalCount"));

        JsonPath refused = GraphQLClient.post("{ albums(filter: {artistId: \"not-an-id\"}) { totalCount } }", Map.of());
        assertEquals("BAD_USER_INPUT", refused.getString("errors[0].extensions.code"), refused.prettify());
        assertEquals("filter.artistId", refused.getString("errors[0].extensions.field"), refused.prettify());
    }
}
