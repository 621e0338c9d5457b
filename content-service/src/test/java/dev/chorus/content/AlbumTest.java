package dev.chorus.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.chorus.test.Client;
import dev.chorus.test.GraphQLClient;
import dev.chorus.test.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class AlbumTest {
    static final String FIELDS = "id title kind boutique upc releaseDate status primaryArtists { ref } "
            + "tracks { position work { id title } }";
    static final String CREATE = "mutation($input: CreateAlbumInput!) { createAlbum(input: $input) { " + FIELDS + " } }";
    static final String UPDATE = "mutation($input: UpdateAlbumInput!) { updateAlbum(input: $input) { " + FIELDS + " } }";
    static final String SCHEDULE = "mutation($id: ID!, $d: Date!) { scheduleAlbum(input: {id: $id, releaseDate: $d}) { status releaseDate } }";
    static final String RELEASE = "mutation($id: ID!) { releaseAlbum(input: {id: $id}) { status releaseDate } }";
    static String upc() {
        return dev.chorus.test.Codes.upc();
    }

    private static Map<String, Object> album(String artist, List<String> tracks) {
        Map<String, Object> input = new HashMap<>();
        input.put("title", "深夜电台 Vol.1");
        input.put("kind", "EP");
        input.put("boutique", true);
        input.put("primaryArtistIds", List.of(artist));
        input.put("trackWorkIds", tracks);
        return input;
    }

    @Test
    void aWithdrawnTrackOfAReleasedAlbumIsHiddenFromThoseWhoMayNotSeeIt() {
        String artist = Content.creator();
        String kept = Content.publishedWork("留下", "ORIGINAL", null, artist);
        String pulled = Content.publishedWork("撤回", "ORIGINAL", null, artist);
        Map<String, Object> input = album(artist, List.of(kept, pulled));
        input.put("upc", upc());
        String id = GraphQLClient.ok(CREATE, Map.of("input", input)).getString("data.createAlbum.id");
        GraphQLClient.ok(RELEASE, Map.of("id", id));
        GraphQLClient.ok("mutation($id: ID!) { withdrawWork(input: {id: $id}) { status } }", Map.of("id", pulled));

        String read = "query($id: ID!) { album(id: $id) { tracks { position work { id title status } } } }";
        for (Client outsider : List.of(Client.anonymous(), Client.user("fan-album", "user"),
                Client.creator(Content.creator()))) {
            JsonPath seen = outsider.ok(read, Map.of("id", id));
            assertEquals(List.of(1, 2), seen.getList("data.album.tracks.position"), seen::prettify);
            assertEquals(kept, seen.getString("data.album.tracks[0].work.id"));
            assertNull(seen.get("data.album.tracks[1].work"), seen::prettify);
            assertFalse(seen.prettify().contains(pulled), seen::prettify);
        }
        for (Client insider : List.of(Client.staff(), Client.creator(artist))) {
            assertEquals("WITHDRAWN", insider.ok(read, Map.of("id", id)).getString("data.album.tracks[1].work.status"));
        }
    }

    @Test
    void aBoutiqueAlbumGoesFromDraftToScheduledToReleased() {
        String artist = Content.creator();
        String one = Content.publishedWork("第一首", "ORIGINAL", null, artist);
        String two = Content.publishedWork("第二首", "ORIGINAL", null, artist);
        Map<String, Object> input = album(artist, List.of(two, one));
        input.put("upc", upc());
        JsonPath created = GraphQLClient.ok(CREATE, Map.of("input", input)).setRootPath("data.createAlbum");
        assertEquals("DRAFT", created.getString("status"));
        assertEquals(true, created.getBoolean("boutique"));
        assertEquals(List.of(artist), created.getList("primaryArtists.ref"));
        assertEquals(List.of(1, 2), created.getList("tracks.position"));
        assertEquals(List.of(two, one), created.getList("tracks.work.id"));

        String id = created.getString("id");
        LocalDate next = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(7);
        JsonPath scheduled = GraphQLClient.ok(SCHEDULE, Map.of("id", id, "d", next.toString()));
        assertEquals("SCHEDULED", scheduled.getString("data.scheduleAlbum.status"));
        assertEquals(next.toString(), scheduled.getString("data.scheduleAlbum.releaseDate"));
        GraphQLClient.fails("CONFLICT", "id", UPDATE, Map.of("input", Map.of("id", id, "title", "late change")));

        JsonPath released = GraphQLClient.ok(RELEASE, Map.of("id", id));
        assertEquals("RELEASED", released.getString("data.releaseAlbum.status"));
        assertEquals(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(), released.getString("data.releaseAlbum.releaseDate"));
        GraphQLClient.fails("CONFLICT", "id", RELEASE, Map.of("id", id));
    }

    @Test
    void schedulingNamesTheTrackThatIsNotReady() {
        String artist = Content.creator();
        String ready = Content.publishedWork("ready", "ORIGINAL", null, artist);
        String draft = Content.createWork(Content.work("还没发布", "ORIGINAL", artist));
        Map<String, Object> noIsrc = Content.work("no isrc", "ORIGINAL", artist);
        String published = Content.createWork(noIsrc);
        GraphQLClient.ok(Content.PUBLISH, Map.of("id", published));
        LocalDate next = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(3);

        Map<String, Object> noUpc = album(artist, List.of(ready));
        String withoutUpc = GraphQLClient.ok(CREATE, Map.of("input", noUpc)).getString("data.createAlbum.id");
        GraphQLClient.fails("CONFLICT", "upc", SCHEDULE, Map.of("id", withoutUpc, "d", next.toString()));

        Map<String, Object> empty = album(artist, List.of());
        empty.put("upc", upc());
        String emptyId = GraphQLClient.ok(CREATE, Map.of("input", empty)).getString("data.createAlbum.id");
        GraphQLClient.fails("CONFLICT", "tracks", RELEASE, Map.of("id", emptyId));

        Map<String, Object> mixed = album(artist, List.of(ready, draft, published));
        mixed.put("upc", upc());
        String mixedId = GraphQLClient.ok(CREATE, Map.of("input", mixed)).getString("data.createAlbum.id");
        JsonPath error = GraphQLClient.fails("CONFLICT", "tracks[1]", SCHEDULE, Map.of("id", mixedId, "d", next.toString()));
        assertEquals("track 2 ('还没发布') is DRAFT: every track must be PUBLISHED", error.getString("errors[0].message"));
        GraphQLClient.ok(UPDATE, Map.of("input", Map.of("id", mixedId, "trackWorkIds", List.of(ready, published))));
        GraphQLClient.fails("CONFLICT", "tracks[1]", SCHEDULE, Map.of("id", mixedId, "d", next.toString()));
        assertEquals("DRAFT", GraphQLClient.ok("query($id: ID!) { album(id: $id) { status } }", Map.of("id", mixedId))
                .getString("data.album.status"));

        GraphQLClient.fails("BAD_USER_INPUT", "releaseDate", SCHEDULE, Map.of("id", mixedId,
                "d", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()));
    }

    @Test
    void badUpcsRepeatedTracksAndUnknownWorksAreRefused() {
        String artist = Content.creator();
        String work = Content.publishedWork("w", "ORIGINAL", null, artist);
        Map<String, Object> input = album(artist, List.of(work));
        for (String bad : List.of("036000291453", "12345", "4006381333932", "abcdefghijkl")) {
            input.put("upc", bad);
            GraphQLClient.fails("BAD_USER_INPUT", "upc", CREATE, Map.of("input", input));
        }
        input.put("upc", "4006381333931"); // a valid EAN-13
        GraphQLClient.ok(CREATE, Map.of("input", new HashMap<>(input)));
        GraphQLClient.fails("CONFLICT", "upc", CREATE, Map.of("input", input));

        Map<String, Object> twice = album(artist, new ArrayList<>(List.of(work, work)));
        GraphQLClient.fails("BAD_USER_INPUT", "trackWorkIds[1]", CREATE, Map.of("input", twice));
        Map<String, Object> unknown = album(artist, List.of(work, Content.creator()));
        GraphQLClient.fails("NOT_FOUND", "trackWorkIds[1]", CREATE, Map.of("input", unknown));
        Map<String, Object> noArtist = album(artist, List.of(work));
        noArtist.put("primaryArtistIds", List.of());
        GraphQLClient.fails("BAD_USER_INPUT", "primaryArtistIds", CREATE, Map.of("input", noArtist));
    }
}
