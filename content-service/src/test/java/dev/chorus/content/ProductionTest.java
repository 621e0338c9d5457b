package dev.chorus.content;

import static dev.chorus.content.ChallengeTest.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.chorus.test.Client;
import dev.chorus.test.GraphQLClient;
import dev.chorus.test.PostgresTestResource;
import dev.chorus.test.SqlStatementCounter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Music-video productions: every step, every rule, who sees what, concurrency and batching. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ProductionTest {
    static final String FIELDS = "id stage origin selectionReason brief cancelReason artist { ref } director { ref } "
            + "budget { amount currency } overdue dueDates { stage dueAt } song { id } video { id } "
            + "shortlist { director { ref } pitch { title treatment } } cuts { version url feedback { author note } } "
            + "finalCut { version } history { from to actor note }";
    static final String GET = "query($id: ID!) { production(id: $id) { " + FIELDS + " } }";
    static final String OPEN = "mutation($i: OpenProductionInput!) { openProduction(input: $i) { id stage } }";
    static final String SHORTLIST = "mutation($p: ID!, $d: [String!]!) { shortlistProductionDirectors(input: "
            + "{productionId: $p, directorIds: $d}) { stage } }";
    static final String PITCH = "mutation($p: ID!, $t: String!, $x: String!, $d: ID) { submitProductionPitch(input: "
            + "{productionId: $p, title: $t, treatment: $x, directorId: $d}) { stage } }";
    static final String APPROVE = "mutation($p: ID!, $d: ID!) { approveProductionPitch(input: {productionId: $p, "
            + "directorId: $d}) { stage director { ref } } }";
    static final String BUDGET = "mutation($p: ID!, $a: BigDecimal!, $c: String!) { approveProductionBudget(input: "
            + "{productionId: $p, amount: $a, currency: $c}) { budget { amount currency } } }";
    static final String PRE = "mutation($p: ID!) { startPreProduction(input: {productionId: $p}) { stage } }";
    static final String SHOOT = "mutation($p: ID!, $n: String) { startShooting(input: {productionId: $p, note: $n}) "
            + "{ stage } }";
    static final String EDIT = "mutation($p: ID!) { startEditing(input: {productionId: $p}) { stage } }";
    static final String CUT = "mutation($p: ID!, $u: String!, $k: String) { addProductionCut(input: {productionId: $p, "
            + "url: $u, idempotencyKey: $k}) { id version url } }";
    static final String FEEDBACK = "mutation($c: ID!, $n: String!) { leaveCutFeedback(input: {cutId: $c, note: $n}) "
            + "{ author note } }";
    static final String DELIVER = "mutation($p: ID!, $c: ID!, $v: ID!) { deliverProduction(input: {productionId: $p, "
            + "finalCutId: $c, videoWorkId: $v}) { stage video { id } } }";
    static final String RELEASE = "mutation($p: ID!) { releaseProduction(input: {productionId: $p}) { stage } }";
    static final String CANCEL = "mutation($p: ID!, $r: String!) { cancelProduction(input: {productionId: $p, "
            + "reason: $r}) { stage cancelReason } }";
    static final String DUE = "mutation($p: ID!, $d: [ProductionDueInput!]!) { setProductionDueDates(input: "
            + "{productionId: $p, dueDates: $d}) { overdue dueDates { stage } } }";

    record Song(String work, String artist) {
    }

    static Song song() {
        String artist = Content.creator();
        return new Song(Content.publishedWork("MV song", "ORIGINAL", null, artist), artist);
    }

    static Map<String, Object> opening(Song song) {
        Map<String, Object> input = new HashMap<>();
        input.put("workId", song.work());
        input.put("artistId", song.artist());
        input.put("selectionReason", "年度潜力音乐人");
        input.put("brief", "夏夜、城市、霓虹");
        return input;
    }

    static String open(Song song) {
        return GraphQLClient.ok(OPEN, Map.of("i", opening(song))).getString("data.openProduction.id");
    }

    /** A production taken to {@code stage} with its director; returns its id. */
    static String at(Song song, String director, String stage) {
        String id = open(song);
        if (stage.equals("BRIEF")) {
            return id;
        }
        GraphQLClient.ok(SHORTLIST, Map.of("p", id, "d", List.of(director)));
        if (stage.equals("PITCHING")) {
            return id;
        }
        Client.creator(director).ok(PITCH, Map.of("p", id, "t", "霓虹", "x", "一镜到底"));
        GraphQLClient.ok(APPROVE, Map.of("p", id, "d", director));
        if (stage.equals("TREATMENT_APPROVED")) {
            return id;
        }
        GraphQLClient.ok(BUDGET, Map.of("p", id, "a", "80000", "c", "CNY"));
        GraphQLClient.ok(PRE, Map.of("p", id));
        if (stage.equals("PRE_PRODUCTION")) {
            return id;
        }
        GraphQLClient.ok(SHOOT, Map.of("p", id));
        if (stage.equals("SHOOTING")) {
            return id;
        }
        GraphQLClient.ok(EDIT, Map.of("p", id));
        return id;
    }

    /** A MUSIC_VIDEO work of the song with these credits (creator, role pairs). */
    static String video(Song song, boolean publish, String... credits) {
        Map<String, Object> input = new HashMap<>();
        input.put("title", "MV");
        input.put("kind", "MUSIC_VIDEO");
        input.put("durationSeconds", 240);
        input.put("derivedFromId", song.work());
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < credits.length; i += 2) {
            list.add(Map.of("creatorId", credits[i], "role", credits[i + 1]));
        }
        input.put("credits", list);
        String id = Content.createWork(input);
        if (publish) {
            GraphQLClient.ok(Content.PUBLISH, Map.of("id", id));
        }
        return id;
    }

    // --- the whole way

    @Test
    void aProductionRunsFromBriefToReleaseKeepingEveryStep() {
        Song song = song();
        String chosen = Content.creator();
        String other = Content.creator();
        Map<String, Object> input = opening(song);
        input.put("dueDates", List.of(Map.of("stage", "BRIEF", "dueAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(7)
                .toString()), Map.of("stage", "EDITING", "dueAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(60)
                        .toString())));
        input.put("idempotencyKey", "mv-" + song.work());
        String id = GraphQLClient.ok(OPEN, Map.of("i", input)).getString("data.openProduction.id");
        assertEquals(id, GraphQLClient.ok(OPEN, Map.of("i", input)).getString("data.openProduction.id"),
                "a retried open answers the first");
        assertEquals("PITCHING", GraphQLClient.ok(SHORTLIST, Map.of("p", id, "d", List.of(chosen, other)))
                .getString("data.shortlistProductionDirectors.stage"));
        Client.creator(chosen).ok(PITCH, Map.of("p", id, "t", "霓虹夏夜", "x", "城市夜景中的一镜到底"));
        Client.creator(other).ok(PITCH, Map.of("p", id, "t", "海边", "x", "胶片质感"));
        assertEquals(chosen, GraphQLClient.ok(APPROVE, Map.of("p", id, "d", chosen))
                .getString("data.approveProductionPitch.director.ref"));
        GraphQLClient.ok(BUDGET, Map.of("p", id, "a", "120000.50", "c", "CNY"));
        GraphQLClient.ok(PRE, Map.of("p", id));
        GraphQLClient.ok(SHOOT, Map.of("p", id, "n", "杭州 两天"));
        GraphQLClient.ok(EDIT, Map.of("p", id));
        Client director = Client.creator(chosen);
        String first = director.ok(CUT, Map.of("p", id, "u", "https://cuts.example/v1")).getString(
                "data.addProductionCut.id");
        Map<String, Object> second = new HashMap<>(Map.of("p", id, "u", "https://cuts.example/v2", "k", "cut-2-" + id));
        JsonPath v2 = director.ok(CUT, second);
        assertEquals(2, v2.getInt("data.addProductionCut.version"));
        assertEquals(v2.getString("data.addProductionCut.id"), director.ok(CUT, second)
                .getString("data.addProductionCut.id"), "a retried cut is one cut");
        Client.creator(song.artist()).ok(FEEDBACK, Map.of("c", first, "n", "副歌再亮一点"));
        GraphQLClient.ok(FEEDBACK, Map.of("c", first, "n", "结尾太长"));
        String video = video(song, true, chosen, "DIRECTOR", song.artist(), "PERFORMER");
        assertEquals("DELIVERED", GraphQLClient.ok(DELIVER, Map.of("p", id, "c", v2.getString(
                "data.addProductionCut.id"), "v", video)).getString("data.deliverProduction.stage"));
        GraphQLClient.fails("CONFLICT", "productionId", RELEASE, Map.of("p", id)); // not LIVE anywhere yet
        String distribution = GraphQLClient.ok(DistributionTest.DISTRIBUTE, Map.of("input", Map.of("workId", video,
                "platform", "BILIBILI"))).getString("data.distribute.id");
        GraphQLClient.ok(DistributionTest.LIVE, Map.of("id", distribution, "x", "BV1xx411c7mD"));
        assertEquals("RELEASED", GraphQLClient.ok(RELEASE, Map.of("p", id)).getString("data.releaseProduction.stage"));

        JsonPath staff = GraphQLClient.ok(GET, Map.of("id", id)).setRootPath("data.production");
        assertEquals(List.of("BRIEF", "PITCHING", "TREATMENT_APPROVED", "PRE_PRODUCTION", "SHOOTING", "EDITING",
                "DELIVERED", "RELEASED"), staff.getList("history.to"));
        assertNull(staff.get("history[0].from"));
        assertEquals("SHOOTING", staff.getString("history[4].to"));
        assertEquals("杭州 两天", staff.getString("history[4].note"));
        assertEquals("staff-tests", staff.getString("history[4].actor"));
        assertEquals(List.of(1, 2), staff.getList("cuts.version"));
        assertEquals(List.of("副歌再亮一点", "结尾太长"), staff.getList("cuts[0].feedback.note"));
        assertEquals(2, staff.getInt("finalCut.version"));
        assertEquals(120000.5f, staff.getFloat("budget.amount"));
        assertEquals(2, staff.getList("shortlist").size());
        assertFalse(staff.getBoolean("overdue"));

        // anyone: the song, the artist, the director and the video, nothing else
        JsonPath anyone = Client.anonymous().ok(GET, Map.of("id", id)).setRootPath("data.production");
        assertEquals(song.work(), anyone.getString("song.id"));
        assertEquals(video, anyone.getString("video.id"));
        assertEquals(chosen, anyone.getString("director.ref"));
        assertEquals(song.artist(), anyone.getString("artist.ref"));
        for (String hidden : List.of("brief", "budget", "origin", "selectionReason", "overdue", "dueDates", "shortlist",
                "cuts", "finalCut", "history")) {
            assertNull(anyone.get(hidden), hidden);
        }
        // the song may have a new production now
        assertNotNull(open(song));
    }

    // --- the rules

    @Test
    void openingChecksTheSongTheArtistAndTheOriginAndWritesNothingOtherwise() {
        Song song = song();
        long before = sql("select count(*) from production");
        String draft = Content.createWork(Content.work("draft", "ORIGINAL", song.artist()));
        String mv = video(song, true, song.artist(), "PERFORMER");
        Object[][] refused = {
                { Map.of("workId", draft), "workId" },
                { Map.of("workId", mv), "workId" },
                { Map.of("workId", UUID.randomUUID().toString()), "workId" },
                { Map.of("workId", "nope"), "workId" },
                { Map.of("artistId", Content.creator()), "artistId" },
                { Map.of("selectionReason", " \u200B "), "selectionReason" },
                { Map.of("awardId", UUID.randomUUID().toString()), "awardId" },
                { Map.of("brief", "x".repeat(5001)), "brief" },
                { Map.of("dueDates", List.of(Map.of("stage", "RELEASED", "dueAt", "2027-01-01T00:00:00Z"))),
                        "dueDates[0].stage" },
                { Map.of("dueDates", List.of(Map.of("stage", "BRIEF", "dueAt", "2027-01-01T00:00:00Z"),
                        Map.of("stage", "BRIEF", "dueAt", "2027-02-01T00:00:00Z"))), "dueDates[1].stage" },
                { Map.of("dueDates", List.of(Map.of("stage", "BRIEF", "dueAt", "2099-01-01T00:00:00Z"))),
                        "dueDates[0].dueAt" },
        };
        for (Object[] c : refused) {
            @SuppressWarnings("unchecked")
            Map<String, Object> changes = (Map<String, Object>) c[0];
            Map<String, Object> input = opening(song);
            input.putAll(changes);
            GraphQLClient.fails("BAD_USER_INPUT", (String) c[1], OPEN, Map.of("i", input));
        }
        Map<String, Object> both = opening(song);
        both.put("awardId", UUID.randomUUID().toString());
        GraphQLClient.fails("BAD_USER_INPUT", "awardId", OPEN, Map.of("i", both));
        Map<String, Object> neither = opening(song);
        neither.remove("selectionReason");
        GraphQLClient.fails("BAD_USER_INPUT", "selectionReason", OPEN, Map.of("i", neither));
        Client.creator(song.artist()).fails("FORBIDDEN", null, OPEN, Map.of("i", opening(song)));
        Client.anonymous().fails("UNAUTHENTICATED", null, OPEN, Map.of("i", opening(song)));
        assertEquals(before, sql("select count(*) from production"), "nothing was written");

        String id = open(song);
        GraphQLClient.fails("CONFLICT", "workId", OPEN, Map.of("i", opening(song)));
        GraphQLClient.fails("BAD_USER_INPUT", "reason", CANCEL, Map.of("p", id, "r", " \u3000 "));
        GraphQLClient.fails("NOT_FOUND", "productionId", CANCEL, Map.of("p", UUID.randomUUID().toString(), "r", "r"));
        GraphQLClient.ok(CANCEL, Map.of("p", id, "r", "档期冲突"));
        GraphQLClient.fails("CONFLICT", "productionId", DUE, Map.of("p", id, "d", List.of()));
        GraphQLClient.fails("CONFLICT", "productionId", SHORTLIST, Map.of("p", id, "d", List.of(Content.creator())));
        assertEquals("CANCELLED", GraphQLClient.ok(GET, Map.of("id", id)).getString("data.production.stage"));
        GraphQLClient.fails("CONFLICT", "productionId", CANCEL, Map.of("p", id, "r", "again"));
        assertNotNull(open(song), "a cancelled production frees the song");
    }

    @Test
    void everyOtherMoveIsAConflictAndEveryStepChecksWhatItNeeds() {
        Song song = song();
        String director = Content.creator();
        String brief = open(song);
        for (String wrong : List.of(PRE, EDIT, RELEASE)) {
            GraphQLClient.fails("CONFLICT", "productionId", wrong, Map.of("p", brief));
        }
        GraphQLClient.fails("CONFLICT", "productionId", SHOOT, Map.of("p", brief));
        GraphQLClient.fails("CONFLICT", "productionId", APPROVE, Map.of("p", brief, "d", director));
        GraphQLClient.fails("CONFLICT", "productionId", BUDGET, Map.of("p", brief, "a", "1", "c", "CNY"));
        GraphQLClient.fails("BAD_USER_INPUT", "directorIds", SHORTLIST, Map.of("p", brief, "d", List.of()));
        List<String> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(Content.creator());
        }
        GraphQLClient.fails("BAD_USER_INPUT", "directorIds", SHORTLIST, Map.of("p", brief, "d", six));
        GraphQLClient.fails("BAD_USER_INPUT", "directorIds[1]", SHORTLIST, Map.of("p", brief, "d",
                List.of(director, director)));
        GraphQLClient.ok(SHORTLIST, Map.of("p", brief, "d", List.of(director)));
        GraphQLClient.fails("CONFLICT", "productionId", SHORTLIST, Map.of("p", brief, "d", List.of(director)));
        // pitching: the shortlisted only, once; approving a pitch that exists
        Client.creator(Content.creator()).fails("NOT_FOUND", "productionId", PITCH, Map.of("p", brief, "t", "t",
                "x", "x"));
        GraphQLClient.fails("BAD_USER_INPUT", "directorId", APPROVE, Map.of("p", brief, "d", director));
        GraphQLClient.fails("BAD_USER_INPUT", "title", PITCH, Map.of("p", brief, "t", " ", "x", "x", "d", director));
        GraphQLClient.fails("BAD_USER_INPUT", "treatment", PITCH, Map.of("p", brief, "t", "t", "x", "x".repeat(10001),
                "d", director));
        GraphQLClient.fails("BAD_USER_INPUT", "directorId", PITCH, Map.of("p", brief, "t", "t", "x", "x"));
        Client.creator(director).ok(PITCH, Map.of("p", brief, "t", "t", "x", "x"));
        Client.creator(director).fails("CONFLICT", "productionId", PITCH, Map.of("p", brief, "t", "t2", "x", "x2"));
        GraphQLClient.ok(APPROVE, Map.of("p", brief, "d", director));
        // budget before pre-production
        GraphQLClient.fails("CONFLICT", "productionId", PRE, Map.of("p", brief));
        for (Object[] bad : new Object[][] { { "0", "CNY", "amount" }, { "1.005", "CNY", "amount" },
                { "100000000.01", "CNY", "amount" }, { "10", "RMB", "currency" }, { "10", "cny", "currency" } }) {
            GraphQLClient.fails("BAD_USER_INPUT", (String) bad[2], BUDGET, Map.of("p", brief, "a", bad[0], "c", bad[1]));
        }
        GraphQLClient.ok(BUDGET, Map.of("p", brief, "a", "5000", "c", "CNY"));
        GraphQLClient.ok(PRE, Map.of("p", brief));
        GraphQLClient.fails("CONFLICT", "productionId", BUDGET, Map.of("p", brief, "a", "6000", "c", "CNY"));
        GraphQLClient.fails("CONFLICT", "productionId", CUT, Map.of("p", brief, "u", "https://x.example/1"));
        GraphQLClient.ok(SHOOT, Map.of("p", brief));
        GraphQLClient.ok(EDIT, Map.of("p", brief));
        GraphQLClient.fails("BAD_USER_INPUT", "url", CUT, Map.of("p", brief, "u", "ftp://x.example/1"));
        GraphQLClient.fails("BAD_USER_INPUT", "url", CUT, Map.of("p", brief, "u", "javascript:alert(1)"));
        String cut = GraphQLClient.ok(CUT, Map.of("p", brief, "u", "https://x.example/1")).getString(
                "data.addProductionCut.id");
        Client.creator(director).fails("FORBIDDEN", null, FEEDBACK, Map.of("c", cut, "n", "only the artist"));
        Client.creator(song.artist()).fails("FORBIDDEN", null, CUT, Map.of("p", brief, "u", "https://x.example/2"));
        GraphQLClient.fails("NOT_FOUND", "cutId", FEEDBACK, Map.of("c", UUID.randomUUID().toString(), "n", "n"));
        Client.creator(song.artist()).fails("BAD_USER_INPUT", "note", FEEDBACK, Map.of("c", cut, "n", "\u200B"));
        Client.creator(Content.creator()).fails("NOT_FOUND", "cutId", FEEDBACK, Map.of("c", cut, "n", "not mine"));
        // delivery: a MUSIC_VIDEO of the song crediting the director as DIRECTOR and the artist
        String otherSong = song().work();
        String notDerived = video(new Song(otherSong, song.artist()), false, director, "DIRECTOR", song.artist(),
                "PERFORMER");
        String noDirector = video(song, false, director, "PERFORMER", song.artist(), "PERFORMER");
        String noArtist = video(song, false, director, "DIRECTOR");
        for (String bad : List.of(notDerived, noDirector, noArtist, otherSong, UUID.randomUUID().toString())) {
            GraphQLClient.fails("BAD_USER_INPUT", "videoWorkId", DELIVER, Map.of("p", brief, "c", cut, "v", bad));
        }
        String good = video(song, false, director, "DIRECTOR", song.artist(), "PERFORMER");
        String foreignCut = GraphQLClient.ok(CUT, Map.of("p", at(song(), director, "EDITING"), "u",
                "https://x.example/f")).getString("data.addProductionCut.id");
        GraphQLClient.fails("BAD_USER_INPUT", "finalCutId", DELIVER, Map.of("p", brief, "c", foreignCut, "v", good));
        GraphQLClient.ok(DELIVER, Map.of("p", brief, "c", cut, "v", good));
        GraphQLClient.fails("CONFLICT", "productionId", RELEASE, Map.of("p", brief)); // the video is not published
        GraphQLClient.fails("CONFLICT", "productionId", EDIT, Map.of("p", brief));
        GraphQLClient.fails("CONFLICT", "cutId", FEEDBACK, Map.of("c", cut, "n", "too late"));
        assertEquals(7, GraphQLClient.ok(GET, Map.of("id", brief)).getList("data.production.history").size());
    }

    @Test
    void aMusicVideoPrizeIsFulfilledByOpeningItsProduction() {
        ChallengePrizeTest.Finished f = ChallengePrizeTest.finished(2, List.of(ChallengePrizeTest.prize(1,
                "MV_PRODUCTION"), ChallengePrizeTest.cash(2, 100)));
        JsonPath prizes = GraphQLClient.ok(ChallengePrizeTest.PRIZES, Map.of("id", f.id()));
        String award = prizes.getString("data.challenge.prizes[0].award.id");
        String cashAward = prizes.getString("data.challenge.prizes[1].award.id");
        GraphQLClient.fails("CONFLICT", "awardId", ChallengePrizeTest.FULFIL, Map.of("a", award));
        Map<String, Object> input = new HashMap<>(Map.of("workId", f.works().get(0), "artistId", f.creators().get(0),
                "awardId", award));
        Map<String, Object> wrongSong = new HashMap<>(input);
        wrongSong.put("workId", f.works().get(1));
        wrongSong.put("artistId", f.creators().get(1));
        GraphQLClient.fails("BAD_USER_INPUT", "workId", OPEN, Map.of("i", wrongSong));
        Map<String, Object> cash = new HashMap<>(input);
        cash.put("awardId", cashAward);
        GraphQLClient.fails("BAD_USER_INPUT", "awardId", OPEN, Map.of("i", cash));
        String id = GraphQLClient.ok(OPEN, Map.of("i", input)).getString("data.openProduction.id");
        JsonPath after = GraphQLClient.ok("query($id: ID!) { challenge(id: $id) { prizes { award { state production "
                + "{ id origin } } } } }", Map.of("id", f.id()));
        assertEquals("FULFILLED", after.getString("data.challenge.prizes[0].award.state"));
        assertEquals(id, after.getString("data.challenge.prizes[0].award.production.id"));
        assertEquals("CHALLENGE_PRIZE", after.getString("data.challenge.prizes[0].award.production.origin"));
        GraphQLClient.fails("CONFLICT", "awardId", OPEN, Map.of("i", input));
        assertNull(Client.anonymous().ok("query($id: ID!) { challenge(id: $id) { prizes { award { production { id } } } } }",
                Map.of("id", f.id())).get("data.challenge.prizes[0].award.production"), "not released: hidden");
    }

    // --- who sees what

    @Test
    void theArtistAndTheShortlistedSeeTheirProductionsAndNobodyElseUntilReleased() {
        Song song = song();
        String chosen = Content.creator();
        String candidate = Content.creator();
        String id = open(song);
        GraphQLClient.ok(SHORTLIST, Map.of("p", id, "d", List.of(chosen, candidate)));
        Client.creator(chosen).ok(PITCH, Map.of("p", id, "t", "chosen", "x", "a"));
        Client.creator(candidate).ok(PITCH, Map.of("p", id, "t", "candidate", "x", "b"));
        GraphQLClient.ok(APPROVE, Map.of("p", id, "d", chosen));
        GraphQLClient.ok(BUDGET, Map.of("p", id, "a", "100", "c", "CNY"));
        String list = "query($a: ID) { productions(filter: {artistId: $a}) { totalCount edges { node { id } } } }";
        for (Client outsider : List.of(Client.anonymous(), Client.user("mv-fan"), Client.creator(Content.creator()))) {
            assertNull(outsider.ok(GET, Map.of("id", id)).get("data.production"));
            assertEquals(0, outsider.ok(list, Map.of("a", song.artist())).getInt("data.productions.totalCount"));
            assertEquals(List.of(), outsider.ok("query($w: ID!) { work(id: $w) { productions { id } } }",
                    Map.of("w", song.work())).getList("data.work.productions"));
        }
        JsonPath artist = Client.creator(song.artist()).ok(GET, Map.of("id", id)).setRootPath("data.production");
        assertEquals(List.of("chosen", "candidate"), artist.getList("shortlist.pitch.title"));
        assertEquals(100f, artist.getFloat("budget.amount"));
        JsonPath director = Client.creator(chosen).ok(GET, Map.of("id", id)).setRootPath("data.production");
        assertEquals(List.of("chosen"), director.getList("shortlist.pitch.title"), "a director sees their own pitch");
        assertEquals(100f, director.getFloat("budget.amount"));
        JsonPath other = Client.creator(candidate).ok(GET, Map.of("id", id)).setRootPath("data.production");
        assertEquals(List.of("candidate"), other.getList("shortlist.pitch.title"));
        assertNull(other.get("budget"), "a director not chosen sees no budget");
        assertNull(other.get("cuts"));
        assertNotNull(other.get("history"));
        assertEquals(1, Client.creator(candidate).ok(list, Map.of("a", song.artist()))
                .getInt("data.productions.totalCount"));
        assertEquals(List.of(id), Client.creator(chosen).ok("query($r: [_Any!]!) { _entities(representations: $r) { "
                + "... on Creator { productions { id } } } }", ChallengeTest.creatorRef(chosen))
                .getList("data._entities[0].productions.id"), "Creator.productions as director");
        for (String staffOnly : List.of(SHOOT, PRE, RELEASE)) {
            Client.creator(song.artist()).fails("FORBIDDEN", null, staffOnly, Map.of("p", id));
        }
    }

    @Test
    void overdueFollowsTheCurrentStagesDueDate() {
        Song song = song();
        String id = open(song);
        String past = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).toString();
        String later = OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).toString();
        assertTrue(GraphQLClient.ok(DUE, Map.of("p", id, "d", List.of(Map.of("stage", "BRIEF", "dueAt", past),
                Map.of("stage", "PITCHING", "dueAt", later)))).getBoolean("data.setProductionDueDates.overdue"));
        String list = "query($o: Boolean, $a: ID) { productions(filter: {overdue: $o, artistId: $a}) { edges { node "
                + "{ id overdue } } } }";
        assertEquals(List.of(id), GraphQLClient.ok(list, Map.of("o", true, "a", song.artist()))
                .getList("data.productions.edges.node.id"));
        assertEquals(List.of(), GraphQLClient.ok(list, Map.of("o", false, "a", song.artist()))
                .getList("data.productions.edges.node.id"));
        GraphQLClient.ok(SHORTLIST, Map.of("p", id, "d", List.of(Content.creator())));
        assertEquals(List.of(false), GraphQLClient.ok(list, Map.of("o", false, "a", song.artist()))
                .getList("data.productions.edges.node.overdue"), "PITCHING is due later");
    }

    // --- concurrency and batching

    @Test
    void twoStaffAdvancingAtOnceOneWinsTheOtherIsAConflict() throws Exception {
        String id = at(song(), Content.creator(), "PRE_PRODUCTION");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<JsonPath>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> Client.staff().post(SHOOT, Map.of("p", id))));
            }
            int ok = 0;
            for (Future<JsonPath> answer : answers) {
                JsonPath a = answer.get(60, TimeUnit.SECONDS);
                if (a.get("errors") == null) {
                    ok++;
                } else {
                    assertEquals("CONFLICT", a.getString("errors[0].extensions.code"), a.prettify());
                }
            }
            assertEquals(1, ok);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, sql("select count(*) from production_step where to_stage = 'SHOOTING' and production_id = '"
                + id + "'"));
    }

    @Test
    void statementsPerRequestDoNotGrowWithTheProductions() {
        String director = Content.creator();
        String artistOfOne = Content.creator();
        String artistOfFive = Content.creator();
        String single = at(new Song(Content.publishedWork("one", "ORIGINAL", null, artistOfOne), artistOfOne), director,
                "EDITING");
        GraphQLClient.ok(CUT, Map.of("p", single, "u", "https://x.example/single"));
        for (int i = 0; i < 5; i++) {
            String id = at(new Song(Content.publishedWork("five " + i, "ORIGINAL", null, artistOfFive), artistOfFive),
                    director, "EDITING");
            GraphQLClient.ok(CUT, Map.of("p", id, "u", "https://x.example/" + i));
        }
        String query = "query($a: ID) { productions(filter: {artistId: $a}) { edges { node { " + FIELDS + " } } } }";
        try (SqlStatementCounter sql = SqlStatementCounter.forApplicationDatabase()) {
            sql.reset();
            GraphQLClient.ok(query, Map.of("a", artistOfOne));
            long one = sql.count();
            sql.reset();
            JsonPath five = GraphQLClient.ok(query, Map.of("a", artistOfFive));
            long forFive = sql.count();
            assertEquals(5, five.getList("data.productions.edges").size());
            assertEquals(one, forFive, "statements grew with the number of productions");
        }
    }
}
