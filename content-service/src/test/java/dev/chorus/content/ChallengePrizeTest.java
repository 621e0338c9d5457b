package dev.chorus.content;

import static dev.chorus.content.ChallengeTest.ANNOUNCE;
import static dev.chorus.content.ChallengeTest.CREATE;
import static dev.chorus.content.ChallengeTest.PUBLISH;
import static dev.chorus.content.ChallengeTest.VOTE;
import static dev.chorus.content.ChallengeTest.moveTo;
import static dev.chorus.content.ChallengeTest.remixBy;
import static dev.chorus.content.ChallengeTest.remixChallenge;
import static dev.chorus.content.ChallengeTest.sql;
import static dev.chorus.content.ChallengeTest.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

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

/** Prizes: set while a DRAFT, awarded by rank at publication, fulfilled or forfeited (passing to the next rank). */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ChallengePrizeTest {
    static final String SET = "mutation($c: ID!, $p: [ChallengePrizeInput!]!) { setChallengePrizes(input: "
            + "{challengeId: $c, prizes: $p}) { id rank kind description amount currency platform } }";
    static final String PRIZES = "query($id: ID!) { challenge(id: $id) { prizes { id rank kind description amount "
            + "currency platform event { ref } album { id } award { id state note entry { id } } "
            + "awards { id state decidedAt note entry { id } } } } }";
    static final String FULFIL = "mutation($a: ID!, $n: String) { fulfilChallengePrize(input: {awardId: $a, note: $n}) "
            + "{ id award { id state } awards { state } } }";
    static final String FORFEIT = "mutation($a: ID!, $n: String) { forfeitChallengePrize(input: {awardId: $a, note: $n}) "
            + "{ id award { id state entry { id } } awards { state } } }";

    static Map<String, Object> prize(int rank, String kind, Object... fields) {
        Map<String, Object> p = new HashMap<>();
        p.put("rank", rank);
        p.put("kind", kind);
        p.put("description", kind + " for rank " + rank);
        for (int i = 0; i < fields.length; i += 2) {
            p.put((String) fields[i], fields[i + 1]);
        }
        return p;
    }

    static Map<String, Object> cash(int rank, Object amount) {
        return prize(rank, "CASH", "amount", amount, "currency", "CNY");
    }

    static String draftOn(String source) {
        return GraphQLClient.ok(CREATE, Map.of("input", remixChallenge(source))).getString("data.createChallenge.id");
    }

    static String draftAlbum(String artist) {
        String track = Content.publishedWork("album opener", "ORIGINAL", null, artist);
        return GraphQLClient.ok("mutation($input: CreateAlbumInput!) { createAlbum(input: $input) { id } }",
                Map.of("input", Map.of("title", "挑战赛精选", "kind", "COMPILATION", "primaryArtistIds", List.of(artist),
                        "trackWorkIds", List.of(track)))).getString("data.createAlbum.id");
    }

    /** A published challenge whose entries rank in the order given (votes 3, 2, 1...), with these prizes. */
    record Finished(String id, List<String> entries, List<String> works, List<String> creators) {
    }

    static Finished finished(int entries, List<Map<String, Object>> prizes) {
        Finished f = judging(entries, prizes);
        GraphQLClient.ok(PUBLISH, Map.of("id", f.id()));
        return f;
    }

    /** The same, JUDGING: its results not yet published. */
    static Finished judging(int entries, List<Map<String, Object>> prizes) {
        String source = Content.publishedWork("prize source", "ORIGINAL", null, Content.creator());
        String id = draftOn(source);
        GraphQLClient.ok(SET, Map.of("c", id, "p", prizes));
        GraphQLClient.ok(ANNOUNCE, Map.of("id", id));
        moveTo(id, "OPEN");
        List<String> ids = new ArrayList<>();
        List<String> works = new ArrayList<>();
        List<String> creators = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            String c = Content.creator();
            String work = remixBy(source, c);
            creators.add(c);
            works.add(work);
            ids.add(submit(id, work, c));
        }
        moveTo(id, "VOTING");
        for (int i = 0; i < entries; i++) {
            for (int v = 0; v < entries - i; v++) {
                Client.user("pv-" + id.substring(0, 8) + "-" + i + "-" + v).ok(VOTE, Map.of("c", id, "e", ids.get(i)));
            }
        }
        moveTo(id, "JUDGING");
        return new Finished(id, ids, works, creators);
    }

    static long prizeRows(String challenge) {
        return sql("select count(*) from challenge_prize where challenge_id = '" + UUID.fromString(challenge) + "'");
    }

    // --- setting them

    @Test
    void everyPrizeRuleIsCheckedNamingItsFieldAndWritesNothing() {
        String source = Content.publishedWork("prize rules source", "ORIGINAL", null, Content.creator());
        String id = draftOn(source);
        String album = draftAlbum(Content.creator());
        String event = UUID.randomUUID().toString();
        GraphQLClient.ok(SET, Map.of("c", id, "p", List.of(cash(1, 5000), prize(2, "MV_PRODUCTION"))));
        Object[][] refused = {
                { prize(0, "MV_PRODUCTION"), "prizes[0].rank" },
                { prize(1001, "MV_PRODUCTION"), "prizes[0].rank" },
                { prize(-5, "MV_PRODUCTION"), "prizes[0].rank" },
                { prize(1, "MV_PRODUCTION", "description", " \u200B "), "prizes[0].description" },
                { prize(1, "MV_PRODUCTION", "description", "x".repeat(201)), "prizes[0].description" },
                { prize(1, "MV_PRODUCTION", "description", "a\u0007b"), "prizes[0].description" },
                { prize(1, "CASH", "currency", "CNY"), "prizes[0].amount" },
                { prize(1, "CASH", "amount", 100), "prizes[0].currency" },
                { cash(1, 0), "prizes[0].amount" },
                { cash(1, -1), "prizes[0].amount" },
                { cash(1, "1.005"), "prizes[0].amount" },
                { cash(1, "10000000.01"), "prizes[0].amount" },
                { prize(1, "CASH", "amount", 1, "currency", "cny"), "prizes[0].currency" },
                { prize(1, "CASH", "amount", 1, "currency", "XYZ"), "prizes[0].currency" },
                { prize(1, "CASH", "amount", 1, "currency", "CNY", "platform", "BILIBILI"), "prizes[0].platform" },
                { prize(1, "MV_PRODUCTION", "amount", 1), "prizes[0].amount" },
                { prize(1, "CONCERT_SLOT"), "prizes[0].eventId" },
                { prize(1, "CONCERT_SLOT", "eventId", "not-an-id"), "prizes[0].eventId" },
                { prize(1, "CONCERT_SLOT", "eventId", event, "albumId", album), "prizes[0].albumId" },
                { prize(1, "ALBUM_TRACK"), "prizes[0].albumId" },
                { prize(1, "ALBUM_TRACK", "albumId", UUID.randomUUID().toString()), "prizes[0].albumId" },
                { prize(1, "FEATURED"), "prizes[0].platform" },
                { prize(1, "FEATURED", "platform", "BILIBILI", "eventId", event), "prizes[0].eventId" },
        };
        for (Object[] c : refused) {
            GraphQLClient.fails("BAD_USER_INPUT", (String) c[1], SET, Map.of("c", id, "p", List.of(c[0])));
        }
        // the field of the second prize is named as such
        GraphQLClient.fails("BAD_USER_INPUT", "prizes[1].albumId", SET, Map.of("c", id, "p",
                List.of(cash(1, 1), prize(2, "ALBUM_TRACK", "albumId", UUID.randomUUID().toString()))));
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(prize(i + 1, "MV_PRODUCTION"));
        }
        GraphQLClient.fails("BAD_USER_INPUT", "prizes", SET, Map.of("c", id, "p", many));
        GraphQLClient.fails("BAD_USER_INPUT", "challengeId", SET, Map.of("c", "nope", "p", List.of()));
        GraphQLClient.fails("NOT_FOUND", "challengeId", SET, Map.of("c", UUID.randomUUID().toString(), "p", List.of()));
        Client.creator(Content.creator()).fails("FORBIDDEN", null, SET, Map.of("c", id, "p", List.of()));
        Client.anonymous().fails("UNAUTHENTICATED", null, SET, Map.of("c", id, "p", List.of()));

        JsonPath kept = GraphQLClient.ok(PRIZES, Map.of("id", id));
        assertEquals(List.of("CASH", "MV_PRODUCTION"), kept.getList("data.challenge.prizes.kind"), "nothing was written");
        assertEquals(5000f, kept.getFloat("data.challenge.prizes[0].amount"));
        assertEquals(2, prizeRows(id));

        // fixed once announced; staff may still read them, and so may anyone
        GraphQLClient.ok(ANNOUNCE, Map.of("id", id));
        GraphQLClient.fails("CONFLICT", "challengeId", SET, Map.of("c", id, "p", List.of()));
        assertEquals(2, prizeRows(id));
    }

    @Test
    void aRankMayCarrySeveralPrizesInTheOrderGivenPublicWithTheChallengeButNotWhatIsHidden() {
        String source = Content.publishedWork("prize source", "ORIGINAL", null, Content.creator());
        String id = draftOn(source);
        String album = draftAlbum(Content.creator());
        String event = UUID.randomUUID().toString();
        JsonPath set = GraphQLClient.ok(SET, Map.of("c", id, "p", List.of(prize(2, "CONCERT_SLOT", "eventId", event),
                cash(1, "8888.80"), prize(1, "MV_PRODUCTION"), prize(3, "ALBUM_TRACK", "albumId", album),
                prize(4, "FEATURED", "platform", "QQ_MUSIC"))));
        assertEquals(List.of(1, 1, 2, 3, 4), set.getList("data.setChallengePrizes.rank"));
        assertEquals(List.of("CASH", "MV_PRODUCTION", "CONCERT_SLOT", "ALBUM_TRACK", "FEATURED"),
                set.getList("data.setChallengePrizes.kind"));
        // again: replaced, not added
        GraphQLClient.ok(SET, Map.of("c", id, "p", List.of(cash(1, "8888.80"), prize(1, "MV_PRODUCTION"),
                prize(2, "CONCERT_SLOT", "eventId", event), prize(3, "ALBUM_TRACK", "albumId", album),
                prize(4, "FEATURED", "platform", "QQ_MUSIC"))));
        assertEquals(5, prizeRows(id));
        assertNull(Client.anonymous().ok(PRIZES, Map.of("id", id)).get("data.challenge"), "a draft's prizes are hidden");
        GraphQLClient.ok(ANNOUNCE, Map.of("id", id));

        JsonPath staff = GraphQLClient.ok(PRIZES, Map.of("id", id)).setRootPath("data.challenge.prizes");
        JsonPath anyone = Client.anonymous().ok(PRIZES, Map.of("id", id)).setRootPath("data.challenge.prizes");
        assertEquals(List.of("CASH", "MV_PRODUCTION", "CONCERT_SLOT", "ALBUM_TRACK", "FEATURED"), anyone.getList("kind"));
        assertEquals(8888.8f, anyone.getFloat("[0].amount"));
        assertEquals("CNY", anyone.getString("[0].currency"));
        assertEquals(event, anyone.getString("[2].event.ref"), "the gateway resolves the event by this key");
        assertNull(anyone.get("[0].event"));
        assertEquals("QQ_MUSIC", anyone.getString("[4].platform"));
        assertEquals(album, staff.getString("[3].album.id"));
        assertNull(anyone.get("[3].album"), "a draft album stays hidden behind the prize");
        assertNull(anyone.get("[0].award"), "nothing is awarded before the results");
        assertEquals(List.of(), anyone.getList("[0].awards"));
    }

    // --- awarding, fulfilling, forfeiting

    @Test
    void theResultsAwardEachPrizeToItsRankAndAForfeitedPrizePassesToTheNextRank() {
        Finished f = finished(3, List.of(cash(1, 5000), prize(1, "MV_PRODUCTION"), prize(2, "FEATURED", "platform",
                "BILIBILI"), prize(5, "FEATURED", "platform", "QQ_MUSIC")));
        JsonPath prizes = Client.anonymous().ok(PRIZES, Map.of("id", f.id())).setRootPath("data.challenge.prizes");
        assertEquals(f.entries().get(0), prizes.getString("[0].award.entry.id"));
        assertEquals(f.entries().get(0), prizes.getString("[1].award.entry.id"));
        assertEquals(f.entries().get(1), prizes.getString("[2].award.entry.id"));
        assertEquals("PENDING", prizes.getString("[0].award.state"));
        assertNull(prizes.get("[3].award"), "rank 5 has nobody: three entries");

        String cashAward = prizes.getString("[0].award.id");
        Client.creator(f.creators().get(0)).fails("FORBIDDEN", null, FORFEIT, Map.of("a", cashAward));
        JsonPath passed = GraphQLClient.ok(FORFEIT, Map.of("a", cashAward, "n", "no answer in 14 days"))
                .setRootPath("data.forfeitChallengePrize");
        assertEquals(f.entries().get(1), passed.getString("award.entry.id"), "to the next rank");
        assertEquals(List.of("FORFEITED", "PENDING"), passed.getList("awards.state"));
        // the same forfeit again (a retry) passes nothing on
        GraphQLClient.fails("CONFLICT", "awardId", FORFEIT, Map.of("a", cashAward));
        assertEquals(2, sql("select count(*) from challenge_prize_award a join challenge_prize p on p.id = a.prize_id "
                + "where p.kind = 'CASH' and p.challenge_id = '" + f.id() + "'"));

        // the note: staff and the entrant who forfeited
        String notes = "query($id: ID!) { challenge(id: $id) { prizes { awards { note } } } }";
        assertEquals("no answer in 14 days", Client.creator(f.creators().get(0)).ok(notes, Map.of("id", f.id()))
                .getString("data.challenge.prizes[0].awards[0].note"));
        assertNull(Client.creator(f.creators().get(1)).ok(notes, Map.of("id", f.id()))
                .get("data.challenge.prizes[0].awards[0].note"));
        assertNull(Client.anonymous().ok(notes, Map.of("id", f.id())).get("data.challenge.prizes[0].awards[0].note"));

        // the third entrant's work is withdrawn: the prize skips it; with nobody left it stays unawarded
        GraphQLClient.ok("mutation($id: ID!) { withdrawWork(input: {id: $id}) { status } }",
                Map.of("id", f.works().get(2)));
        JsonPath last = GraphQLClient.ok(FORFEIT, Map.of("a", passed.getString("award.id")))
                .setRootPath("data.forfeitChallengePrize");
        assertNull(last.get("award"));
        assertEquals(List.of("FORFEITED", "FORFEITED"), last.getList("awards.state"));

        // fulfilment: once; a fulfilled award is not forfeited; a music video is fulfilled by its production
        String mvAward = prizes.getString("[1].award.id");
        GraphQLClient.fails("CONFLICT", "awardId", FULFIL, Map.of("a", mvAward));
        String featured = prizes.getString("[2].award.id");
        assertEquals("FULFILLED", GraphQLClient.ok(FULFIL, Map.of("a", featured, "n", "on the front page"))
                .getString("data.fulfilChallengePrize.award.state"));
        GraphQLClient.fails("CONFLICT", "awardId", FULFIL, Map.of("a", featured));
        GraphQLClient.fails("CONFLICT", "awardId", FORFEIT, Map.of("a", featured));
        GraphQLClient.fails("NOT_FOUND", "awardId", FULFIL, Map.of("a", UUID.randomUUID().toString()));
        GraphQLClient.fails("BAD_USER_INPUT", "awardId", FULFIL, Map.of("a", "x"));
        GraphQLClient.fails("BAD_USER_INPUT", "note", FORFEIT, Map.of("a", mvAward, "n", "n".repeat(501)));
        assertEquals("PENDING", GraphQLClient.ok(PRIZES, Map.of("id", f.id()))
                .getString("data.challenge.prizes[1].award.state"), "a refused decision changed nothing");
    }

    @Test
    void aWithdrawnWinnerIsNotFulfilledAndAnAlbumPrizeWaitsForItsTrack() {
        String artist = Content.creator();
        String album = draftAlbum(artist);
        Finished f = finished(2, List.of(prize(1, "ALBUM_TRACK", "albumId", album), prize(2, "MV_PRODUCTION")));
        JsonPath prizes = GraphQLClient.ok(PRIZES, Map.of("id", f.id())).setRootPath("data.challenge.prizes");
        String albumAward = prizes.getString("[0].award.id");
        GraphQLClient.fails("CONFLICT", "awardId", FULFIL, Map.of("a", albumAward));
        String opener = GraphQLClient.ok("query($id: ID!) { album(id: $id) { tracks { work { id } } } }",
                Map.of("id", album)).getString("data.album.tracks[0].work.id");
        GraphQLClient.ok("mutation($input: UpdateAlbumInput!) { updateAlbum(input: $input) { id } }", Map.of("input",
                Map.of("id", album, "trackWorkIds", List.of(opener, f.works().get(0)))));
        assertEquals("FULFILLED", GraphQLClient.ok(FULFIL, Map.of("a", albumAward))
                .getString("data.fulfilChallengePrize.award.state"));

        GraphQLClient.ok("mutation($id: ID!) { withdrawWork(input: {id: $id}) { status } }",
                Map.of("id", f.works().get(1)));
        String mvAward = prizes.getString("[1].award.id");
        GraphQLClient.fails("CONFLICT", "awardId", FULFIL, Map.of("a", mvAward));
        JsonPath forfeited = GraphQLClient.ok(FORFEIT, Map.of("a", mvAward)).setRootPath("data.forfeitChallengePrize");
        assertNull(forfeited.get("award"), "nobody ranks below");
        // the entry of the withdrawn work is hidden from others behind its award
        assertNull(Client.anonymous().ok(PRIZES, Map.of("id", f.id())).get("data.challenge.prizes[1].awards[0].entry"));
        assertNotNull(GraphQLClient.ok(PRIZES, Map.of("id", f.id())).get("data.challenge.prizes[1].awards[0].entry"));
    }

    @Test
    void concurrentDecisionsOnOneAwardTakeEffectOnce() throws Exception {
        Finished f = finished(4, List.of(cash(1, 100)));
        String award = GraphQLClient.ok(PRIZES, Map.of("id", f.id())).getString("data.challenge.prizes[0].award.id");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<JsonPath>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String mutation = i % 2 == 0 ? FORFEIT : FULFIL;
                answers.add(pool.submit(() -> Client.staff().post(mutation, Map.of("a", award))));
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
            assertEquals(1, ok, "one decision wins");
        } finally {
            pool.shutdownNow();
        }
        long current = sql("select count(*) from challenge_prize_award a join challenge_prize p on p.id = a.prize_id "
                + "where p.challenge_id = '" + f.id() + "' and a.state <> 'FORFEITED'");
        long all = sql("select count(*) from challenge_prize_award a join challenge_prize p on p.id = a.prize_id "
                + "where p.challenge_id = '" + f.id() + "'");
        assertEquals(1, current);
        assertEquals(all == 1 ? 1 : 2, all, "fulfilled in place, or forfeited once and passed on once");
    }

    @Test
    void statementsPerRequestDoNotGrowWithThePrizes() {
        String album = draftAlbum(Content.creator());
        List<Map<String, Object>> two = List.of(prize(1, "ALBUM_TRACK", "albumId", album),
                prize(2, "CONCERT_SLOT", "eventId", UUID.randomUUID().toString()));
        List<Map<String, Object>> ten = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            ten.add(i % 3 == 0 ? prize(i, "ALBUM_TRACK", "albumId", album)
                    : i % 3 == 1 ? prize(i, "CONCERT_SLOT", "eventId", UUID.randomUUID().toString()) : cash(i, i));
        }
        Finished small = finished(2, two);
        Finished large = finished(3, ten);
        try (SqlStatementCounter sql = SqlStatementCounter.forApplicationDatabase()) {
            sql.reset();
            JsonPath a = Client.anonymous().ok(PRIZES, Map.of("id", small.id()));
            long forSmall = sql.count();
            sql.reset();
            JsonPath b = Client.anonymous().ok(PRIZES, Map.of("id", large.id()));
            long forLarge = sql.count();
            assertEquals(2, a.getList("data.challenge.prizes").size());
            assertEquals(10, b.getList("data.challenge.prizes").size());
            assertEquals(large.entries().get(2), b.getString("data.challenge.prizes[2].award.entry.id"));
            assertEquals(forSmall, forLarge, "statements grew with the number of prizes");
        }
    }

    @Test
    void publishingTakesTheSameStatementsForTwoEntriesAsForTen() {
        Finished small = judging(2, List.of(cash(1, 10), prize(2, "MV_PRODUCTION")));
        Finished large = judging(10, List.of(cash(1, 10), prize(2, "MV_PRODUCTION")));
        try (SqlStatementCounter sql = SqlStatementCounter.forApplicationDatabase()) {
            sql.reset();
            GraphQLClient.ok(PUBLISH, Map.of("id", small.id()));
            long forSmall = sql.sent();
            sql.reset();
            GraphQLClient.ok(PUBLISH, Map.of("id", large.id()));
            long forLarge = sql.sent();
            // (the foreign-key checks of each row written are the database's own: counted, but not sent)
            assertEquals(forSmall, forLarge, "statements sent grew with the number of entries");
        }
        assertEquals(10, sql("select count(*) from challenge_result where challenge_id = '" + large.id() + "'"));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), Client.anonymous().ok("query($id: ID!) { challenge(id: $id) "
                + "{ results { rank } } }", Map.of("id", large.id())).getList("data.challenge.results.rank"));
    }
}
