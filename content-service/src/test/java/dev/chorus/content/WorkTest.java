package dev.chorus.content;

import static dev.chorus.content.Content.CREATE_WORK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.chorus.test.GraphQLClient;
import dev.chorus.test.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class WorkTest {
    static final String UPDATE = "mutation($input: UpdateWorkInput!) { updateWork(input: $input) { "
            + Content.WORK_FIELDS + " } }";

    @Test
    void aCreateRetriedWithItsKeyCreatesOnceAndTheKeyBelongsToTheCaller() {
        String performer = Content.creator();
        String title = "重试 " + java.util.UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> input = new java.util.HashMap<>(Content.work(title, "ORIGINAL", performer));
        input.put("idempotencyKey", "create-" + java.util.UUID.randomUUID());
        String first = GraphQLClient.ok(Content.CREATE_WORK, Map.of("input", input)).getString("data.createWork.id");
        String again = GraphQLClient.ok(Content.CREATE_WORK, Map.of("input", input)).getString("data.createWork.id");
        assertEquals(first, again);
        Map<String, Object> changed = new java.util.HashMap<>(input);
        changed.put("title", "another title");
        GraphQLClient.fails("CONFLICT", "idempotencyKey", Content.CREATE_WORK, Map.of("input", changed));
        // the same key from another caller is another key
        String other = dev.chorus.test.Client.user("another-staff", "staff").ok(Content.CREATE_WORK,
                Map.of("input", input)).getString("data.createWork.id");
        org.junit.jupiter.api.Assertions.assertNotEquals(first, other);
        assertEquals(2, GraphQLClient.ok("query($s: String) { works(filter: {search: $s}) { totalCount } }",
                Map.of("s", title)).getInt("data.works.totalCount"));
    }

    @Test
    void aWorkKeepsItsDataCreditsAndSplitsNormalised() {
        String composer = Content.creator();
        String singer = Content.creator();
        Map<String, Object> input = Content.work("光年之外 (Live)", "ORIGINAL", singer);
        input.put("language", "zh-hans");
        input.put("genre", "Mandopop");
        input.put("isrc", "cn-a01-24-00123");
        input.put("iswc", "T-034.524.680-1");
        input.put("bilibiliBvid", "BV1xx411c7mD");
        input.put("qqMusicSongMid", "0039MnYb0qxYhV");
        input.put("credits", List.of(Map.of("creatorId", composer, "role", "COMPOSER", "creditedAs", "G.E.M."),
                Map.of("creatorId", singer, "role", "VOCALIST"), Map.of("creatorId", singer, "role", "PERFORMER")));
        input.put("royaltySplits", List.of(Map.of("creatorId", composer, "share", 66.67),
                Map.of("creatorId", singer, "share", 33.33)));

        JsonPath work = GraphQLClient.ok(CREATE_WORK, Map.of("input", input)).setRootPath("data.createWork");

        assertEquals("光年之外 (Live)", work.getString("title"));
        assertEquals("zh-Hans", work.getString("language"));
        assertEquals("mandopop", work.getString("genre"));
        assertEquals("CNA012400123", work.getString("isrc"));
        assertEquals("T-034.524.680-1", work.getString("iswc"));
        assertEquals("DRAFT", work.getString("status"));
        assertNull(work.get("releasedAt"));
        assertEquals(List.of(1, 2, 3), work.getList("credits.position"));
        assertEquals(List.of("COMPOSER", "VOCALIST", "PERFORMER"), work.getList("credits.role"));
        assertEquals(List.of(composer, singer, singer), work.getList("credits.creator.ref"));
        assertEquals("G.E.M.", work.getString("credits[0].creditedAs"));
        assertEquals(List.of(66.67f, 33.33f), work.getList("royaltySplits.share"));

        String id = work.getString("id");
        assertEquals(id, GraphQLClient.ok("{ workByIsrc(isrc: \"CN-A01-24-00123\") { id } }")
                .getString("data.workByIsrc.id"));
    }

    @Test
    void publishingNeedsAPerformerAndWithdrawingNeedsPublished() {
        Map<String, Object> noPerformer = Content.work("Instrumental", "ORIGINAL", Content.creator());
        noPerformer.put("credits", List.of(Map.of("creatorId", Content.creator(), "role", "COMPOSER")));
        String id = Content.createWork(noPerformer);
        GraphQLClient.fails("CONFLICT", "credits", Content.PUBLISH, Map.of("id", id));
        GraphQLClient.fails("CONFLICT", "id", "mutation($id: ID!) { withdrawWork(input: {id: $id}) { id } }",
                Map.of("id", id));

        GraphQLClient.ok(UPDATE, Map.of("input", Map.of("id", id, "credits",
                List.of(Map.of("creatorId", Content.creator(), "role", "PERFORMER")))));
        JsonPath published = GraphQLClient.ok(Content.PUBLISH, Map.of("id", id));
        assertEquals("PUBLISHED", published.getString("data.publishWork.status"));
        assertNotNull(published.get("data.publishWork.releasedAt"));
        GraphQLClient.fails("CONFLICT", "id", Content.PUBLISH, Map.of("id", id));
        assertEquals("WITHDRAWN", GraphQLClient.ok("mutation($id: ID!) { withdrawWork(input: {id: $id}) { status } }",
                Map.of("id", id)).getString("data.withdrawWork.status"));
    }

    @Test
    void malformedCodesAndBadSplitsAreRefusedAndNothingIsWritten() {
        String title = "refused " + Content.creator();
        Map<String, Object> input = Content.work(title, "ORIGINAL", Content.creator());
        for (Map.Entry<String, Object> bad : List.<Map.Entry<String, Object>> of(
                Map.entry("isrc", "CN-A01-24"), Map.entry("isrc", "1NA012400123"),
                Map.entry("iswc", "T-034.524.680-2"), Map.entry("bilibiliBvid", "AV12345"),
                Map.entry("qqMusicSongMid", "short"), Map.entry("durationSeconds", 0),
                Map.entry("language", "not a language"), Map.entry("title", " ")) ) {
            Map<String, Object> attempt = new java.util.HashMap<>(input);
            attempt.put(bad.getKey(), bad.getValue());
            GraphQLClient.fails("BAD_USER_INPUT", bad.getKey(), CREATE_WORK, Map.of("input", attempt));
        }
        String a = Content.creator();
        String b = Content.creator();
        Map<String, Object> splits = new java.util.HashMap<>(input);
        splits.put("royaltySplits", List.of(Map.of("creatorId", a, "share", 50), Map.of("creatorId", b, "share", 49.99)));
        GraphQLClient.fails("BAD_USER_INPUT", "royaltySplits", CREATE_WORK, Map.of("input", splits));
        splits.put("royaltySplits", List.of(Map.of("creatorId", a, "share", 100.5), Map.of("creatorId", b, "share", -0.5)));
        GraphQLClient.fails("BAD_USER_INPUT", "royaltySplits[0].share", CREATE_WORK, Map.of("input", splits));
        splits.put("royaltySplits", List.of(Map.of("creatorId", a, "share", 50), Map.of("creatorId", a, "share", 50)));
        GraphQLClient.fails("BAD_USER_INPUT", "royaltySplits[1].creatorId", CREATE_WORK, Map.of("input", splits));
        splits.put("royaltySplits", List.of(Map.of("creatorId", a, "share", 33.333), Map.of("creatorId", b, "share", 66.667)));
        GraphQLClient.fails("BAD_USER_INPUT", "royaltySplits[0].share", CREATE_WORK, Map.of("input", splits));

        assertEquals(0, GraphQLClient.ok("query($s: String!) { works(filter: {search: $s}) { totalCount } }",
                Map.of("s", title)).getInt("data.works.totalCount"));
    }

    @Test
    void anIsrcBelongsToOneWork() {
        String isrc = Content.isrc();
        Map<String, Object> first = Content.work("one", "ORIGINAL", Content.creator());
        first.put("isrc", isrc);
        Content.createWork(first);
        Map<String, Object> second = Content.work("two", "ORIGINAL", Content.creator());
        second.put("isrc", isrc.toLowerCase());
        GraphQLClient.fails("CONFLICT", "isrc", CREATE_WORK, Map.of("input", second));
    }

    @Test
    void lineageRulesHold() {
        String performer = Content.creator();
        String original = Content.publishedWork("原曲", "ORIGINAL", null, performer);
        String remix = Content.publishedWork("原曲 (Remix)", "REMIX", original, Content.creator());
        String cover = Content.publishedWork("原曲 (Cover)", "COVER", original, Content.creator());
        String video = Content.publishedWork("原曲 MV", "MUSIC_VIDEO", original, performer);

        JsonPath tree = GraphQLClient.ok("query($id: ID!) { work(id: $id) { remixes { totalCount edges { node { id "
                + "derivedFrom { id } } } } covers { edges { node { id } } } musicVideos { edges { node { id kind } } } } }",
                Map.of("id", original)).setRootPath("data.work");
        assertEquals(List.of(remix), tree.getList("remixes.edges.node.id"));
        assertEquals(1, tree.getInt("remixes.totalCount"));
        assertEquals(original, tree.getString("remixes.edges[0].node.derivedFrom.id"));
        assertEquals(List.of(cover), tree.getList("covers.edges.node.id"));
        assertEquals(List.of(video), tree.getList("musicVideos.edges.node.id"));

        Map<String, Object> orphan = Content.work("orphan remix", "REMIX", performer);
        GraphQLClient.fails("BAD_USER_INPUT", "derivedFromId", CREATE_WORK, Map.of("input", orphan));
        orphan.put("derivedFromId", Content.creator());
        GraphQLClient.fails("NOT_FOUND", "derivedFromId", CREATE_WORK, Map.of("input", orphan));
        orphan.put("derivedFromId", video);
        GraphQLClient.fails("BAD_USER_INPUT", "derivedFromId", CREATE_WORK, Map.of("input", orphan));
        Map<String, Object> originalWithSource = Content.work("not original", "ORIGINAL", performer);
        originalWithSource.put("derivedFromId", original);
        GraphQLClient.fails("BAD_USER_INPUT", "derivedFromId", CREATE_WORK, Map.of("input", originalWithSource));

        // a remix of itself, and a cycle through another remix
        GraphQLClient.fails("BAD_USER_INPUT", "derivedFromId", UPDATE, Map.of("input", Map.of("id", remix,
                "derivedFromId", remix)));
        String remixOfRemix = Content.publishedWork("Remix of the remix", "REMIX", remix, Content.creator());
        GraphQLClient.fails("BAD_USER_INPUT", "derivedFromId", UPDATE, Map.of("input", Map.of("id", remix,
                "derivedFromId", remixOfRemix)));
        assertEquals(original, GraphQLClient.ok("query($id: ID!) { work(id: $id) { derivedFrom { id } } }",
                Map.of("id", remix)).getString("data.work.derivedFrom.id"));
    }
}
