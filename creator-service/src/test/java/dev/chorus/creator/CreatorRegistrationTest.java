package dev.chorus.creator;

import static dev.chorus.creator.GraphQL.REGISTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
class CreatorRegistrationTest {

    private static Map<String, Object> input(String handle) {
        Map<String, Object> input = new HashMap<>();
        input.put("handle", handle);
        input.put("displayName", "周深 Zhou Shen");
        input.put("kind", "PERSON");
        return input;
    }

    @Test
    void registeringKeepsTheWholeProfileWithUnicodeIntact() {
        String handle = GraphQL.uniqueHandle("zhoushen");
        Map<String, Object> input = input(handle.toUpperCase());
        input.put("bio", "来自贵州的歌手 🎤\nSinger from Guizhou.");
        input.put("region", "cn");
        input.put("genres", List.of("Mandopop", " 国风 ", "mandopop"));
        input.put("aliases", List.of(
                Map.of("name", "周深", "locale", "zh-hans", "primary", true),
                Map.of("name", "Charlie Zhou", "locale", "en", "primary", true),
                Map.of("name", "卡布叻", "locale", "zh-Hans")));

        JsonPath creator = GraphQL.ok(REGISTER, Map.of("input", input)).setRootPath("data.registerCreator");

        assertEquals(36, creator.getString("id").length());
        assertEquals(handle, creator.getString("handle"), "handles are kept lower-cased");
        assertEquals("周深 Zhou Shen", creator.getString("displayName"));
        assertEquals("来自贵州的歌手 🎤\nSinger from Guizhou.", creator.getString("bio"));
        assertEquals("CN", creator.getString("region"));
        assertEquals(List.of("mandopop", "国风"), creator.getList("genres"));
        assertEquals("ACTIVE", creator.getString("status"));
        assertEquals("EMERGING", creator.getString("tier"));
        assertFalse(creator.getBoolean("verified"));
        assertEquals(List.of("周深", "Charlie Zhou", "卡布叻"), creator.getList("aliases.name"));
        assertEquals(List.of("zh-Hans", "en", "zh-Hans"), creator.getList("aliases.locale"));
        assertEquals(List.of(true, true, false), creator.getList("aliases.primary"));
        assertEquals(List.of(), creator.getList("platformAccounts"));
        assertEquals(1, creator.getList("tierHistory").size());
        assertNull(creator.get("tierHistory[0].from"));
        assertEquals("EMERGING", creator.getString("tierHistory[0].to"));
        assertEquals(creator.getString("joinedAt"), creator.getString("updatedAt"));

        JsonPath read = GraphQL.ok("query($id: ID!) { creator(id: $id) { " + GraphQL.CREATOR_FIELDS + " } }",
                Map.of("id", creator.getString("id"))).setRootPath("data.creator");
        assertEquals(creator.getString("bio"), read.getString("bio"));
        assertEquals(creator.getList("aliases"), read.getList("aliases"));
        assertEquals(creator.getString("joinedAt"), read.getString("joinedAt"));
    }

    @Test
    void aRegistrationRetriedWithItsKeyRegistersOnce() {
        String handle = GraphQL.uniqueHandle("retried");
        Map<String, Object> input = new HashMap<>(input(handle));
        input.put("idempotencyKey", "register:" + handle);
        String first = GraphQL.ok(REGISTER, Map.of("input", input)).getString("data.registerCreator.id");
        assertEquals(first, GraphQL.ok(REGISTER, Map.of("input", input)).getString("data.registerCreator.id"),
                "the retry answers the first result, not 'handle taken'");
        Map<String, Object> other = new HashMap<>(input(GraphQL.uniqueHandle("other")));
        other.put("idempotencyKey", "register:" + handle);
        GraphQL.fails("CONFLICT", "idempotencyKey", REGISTER, Map.of("input", other));
        Map<String, Object> badKey = new HashMap<>(input(GraphQL.uniqueHandle("badkey")));
        badKey.put("idempotencyKey", "with space");
        GraphQL.fails("BAD_USER_INPUT", "idempotencyKey", REGISTER, Map.of("input", badKey));
        assertNull(GraphQL.ok("query($h: String!) { creatorByHandle(handle: $h) { id } }",
                Map.of("h", (String) other.get("handle"))).get("data.creatorByHandle"), "nothing written");
    }

    @Test
    void aHandleIsTakenWhateverItsCase() {
        String handle = GraphQL.uniqueHandle("taken");
        GraphQL.register(handle);
        GraphQL.fails("CONFLICT", "handle", REGISTER, Map.of("input", input(handle.toUpperCase())));
    }

    @Test
    void badHandlesAreRefusedNamingTheField() {
        for (String handle : List.of("ab", "周杰伦", "has space", "a".repeat(31), "dash-ed")) {
            JsonPath error = GraphQL.fails("BAD_USER_INPUT", "handle", REGISTER, Map.of("input", input(handle)));
            assertTrue(error.getString("errors[0].message").contains("handle"), error::prettify);
        }
    }

    @Test
    void textOverItsBoundIsRefused() {
        Map<String, Object> longBio = input(GraphQL.uniqueHandle("longbio"));
        longBio.put("bio", "歌".repeat(2001));
        GraphQL.fails("BAD_USER_INPUT", "bio", REGISTER, Map.of("input", longBio));

        Map<String, Object> longName = input(GraphQL.uniqueHandle("longname"));
        longName.put("displayName", "名".repeat(101));
        GraphQL.fails("BAD_USER_INPUT", "displayName", REGISTER, Map.of("input", longName));

        Map<String, Object> exactlyAtBound = input(GraphQL.uniqueHandle("bound"));
        exactlyAtBound.put("displayName", "名".repeat(100));
        GraphQL.ok(REGISTER, Map.of("input", exactlyAtBound));
    }

    @Test
    void controlCharactersAreRefused() {
        Map<String, Object> escape = input(GraphQL.uniqueHandle("esc"));
        escape.put("displayName", "bad\u001Bname");
        GraphQL.fails("BAD_USER_INPUT", "displayName", REGISTER, Map.of("input", escape));
        // NUL is refused with the whole request, before anything runs: no service stores it
        Map<String, Object> nul = input(GraphQL.uniqueHandle("nul"));
        nul.put("displayName", "bad\u0000name");
        io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON)
                .header("Authorization", "Bearer " + dev.chorus.test.Tokens.valid("staff-tests", "staff"))
                .body(Map.of("query", REGISTER, "variables", Map.of("input", nul))).when().post("/graphql").then()
                .statusCode(400).body("errors[0].extensions.code", org.hamcrest.Matchers.equalTo("BAD_USER_INPUT"));
        assertNull(GraphQL.ok("query($h: String!) { creatorByHandle(handle: $h) { id } }",
                Map.of("h", (String) nul.get("handle"))).get("data.creatorByHandle"));
    }

    @Test
    void unknownRegionsAreRefused() {
        Map<String, Object> bad = input(GraphQL.uniqueHandle("region"));
        bad.put("region", "XX");
        GraphQL.fails("BAD_USER_INPUT", "region", REGISTER, Map.of("input", bad));
    }

    @Test
    void badAliasesAreRefusedAndNothingIsWritten() {
        String handle = GraphQL.uniqueHandle("alias");
        Map<String, Object> twoPrimaries = input(handle);
        twoPrimaries.put("aliases", List.of(Map.of("name", "一", "locale", "zh-Hans", "primary", true),
                Map.of("name", "二", "locale", "zh-Hans", "primary", true)));
        GraphQL.fails("BAD_USER_INPUT", "aliases[1].primary", REGISTER, Map.of("input", twoPrimaries));

        Map<String, Object> badLocale = input(handle);
        badLocale.put("aliases", List.of(Map.of("name", "x", "locale", "not a locale!")));
        GraphQL.fails("BAD_USER_INPUT", "aliases[0].locale", REGISTER, Map.of("input", badLocale));

        assertNull(GraphQL.ok("query($h: String!) { creatorByHandle(handle: $h) { id } }", Map.of("h", handle))
                .get("data.creatorByHandle"), "a refused registration leaves no creator behind");
    }

    @Test
    void tooManyGenresAreRefused() {
        Map<String, Object> bad = input(GraphQL.uniqueHandle("genres"));
        bad.put("genres", List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"));
        GraphQL.fails("BAD_USER_INPUT", "genres", REGISTER, Map.of("input", bad));
    }

    @Test
    void anUnknownEnumValueIsABadUserInput() {
        Map<String, Object> bad = input(GraphQL.uniqueHandle("enum"));
        bad.put("kind", "ROBOT");
        GraphQL.fails("BAD_USER_INPUT", null, REGISTER, Map.of("input", bad));
    }

    @Test
    void aMalformedQueryIsABadUserInputWithoutInternals() {
        JsonPath error = GraphQL.fails("BAD_USER_INPUT", null, "{ creators { nope } }", Map.of());
        assertFalse(error.prettify().contains("Exception"), error::prettify);
    }
}
