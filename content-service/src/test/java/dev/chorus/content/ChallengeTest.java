package dev.chorus.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.chorus.test.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ChallengeTest {
    static final String FIELDS = "id title description entryKind host topicTag timeZone phase cancelReason "
            + "schedule { announceAt submissionsOpenAt submissionsCloseAt votingCloseAt resultsAt } "
            + "terms { entriesPerCreator minDurationSeconds maxDurationSeconds voteWeight juryWeight engagementWeight } "
            + "sourceWork { id }";
    static final String CREATE = "mutation($input: CreateChallengeInput!) { createChallenge(input: $input) { " + FIELDS
            + " } }";
    static final String UPDATE = "mutation($input: UpdateChallengeInput!) { updateChallenge(input: $input) { " + FIELDS
            + " } }";
    static final String ANNOUNCE = "mutation($id: ID!) { announceChallenge(input: {id: $id}) { id phase } }";
    static final String GET = "query($id: ID!) { challenge(id: $id) { " + FIELDS + " } }";
    static final String SUBMIT = "mutation($input: SubmitChallengeEntryInput!) { submitChallengeEntry(input: $input) { "
            + "id status submittedAt entrant { ref } work { id } challenge { id } } }";
    static final String WITHDRAW = "mutation($id: ID!) { withdrawChallengeEntry(input: {id: $id}) { id status } }";
    static final String VOTE = "mutation($c: ID!, $e: ID!) { castChallengeVote(input: {challengeId: $c, entryId: $e}) "
            + "{ castAt entry { id } } }";
    static final String ENTRIES = "query($id: ID!) { challenge(id: $id) { entries { totalCount edges { node { id status "
            + "disqualifiedReason votes entrant { ref } work { id } } } } } }";

    // --- helpers

    static Map<String, Object> schedule(OffsetDateTime announce, OffsetDateTime open, OffsetDateTime close,
            OffsetDateTime votingClose, OffsetDateTime results) {
        return new HashMap<>(Map.of("announceAt", announce.toString(), "submissionsOpenAt", open.toString(),
                "submissionsCloseAt", close.toString(), "votingCloseAt", votingClose.toString(),
                "resultsAt", results.toString()));
    }

    static Map<String, Object> remixChallenge(String source) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, Object> input = new HashMap<>();
        input.put("title", "晚风告白 Remix 大赛");
        input.put("entryKind", "REMIX");
        input.put("host", "JOINT");
        input.put("topicTag", "#晚风告白Remix");
        input.put("sourceWorkId", source);
        input.put("timeZone", "Asia/Shanghai");
        input.put("schedule", schedule(now.minusDays(1), now.plusDays(1), now.plusDays(10), now.plusDays(15),
                now.plusDays(20)));
        return input;
    }

    /** An announced REMIX challenge on a new song, in {@code phase} (its schedule moved in the database). */
    static Fixture challengeIn(String phase, Map<String, Object> terms) {
        String source = Content.publishedWork("challenge source", "ORIGINAL", null, Content.creator());
        Map<String, Object> input = remixChallenge(source);
        if (terms != null) {
            input.put("terms", terms);
        }
        String id = GraphQLClient.ok(CREATE, Map.of("input", input)).getString("data.createChallenge.id");
        GraphQLClient.ok(ANNOUNCE, Map.of("id", id));
        moveTo(id, phase);
        return new Fixture(id, source);
    }

    record Fixture(String id, String source) {
    }

    /** Moves the schedule around the database's clock so that the challenge is in {@code phase} now. */
    static void moveTo(String id, String phase) {
        String[] hours = switch (phase) {
            case "ANNOUNCED" -> new String[] {"-48", "24", "48", "72", "96"};
            case "OPEN" -> new String[] {"-48", "-24", "24", "48", "72"};
            case "VOTING" -> new String[] {"-72", "-48", "-1", "24", "48"};
            case "JUDGING" -> new String[] {"-96", "-72", "-48", "-1", "24"};
            default -> throw new IllegalArgumentException(phase);
        };
        sql("update challenge set announce_at = now() + make_interval(hours => " + hours[0] + "), submissions_open_at = "
                + "now() + make_interval(hours => " + hours[1] + "), submissions_close_at = now() + make_interval(hours => "
                + hours[2] + "), voting_close_at = now() + make_interval(hours => " + hours[3] + "), results_at = now() "
                + "+ make_interval(hours => " + hours[4] + ") where id = '" + UUID.fromString(id) + "'");
    }

    static long sql(String statement) {
        return TestDatabase.sql(statement);
    }

    static Map<String, Object> creatorRef(String creator) {
        return Map.of("r", List.of(Map.of("__typename", "Creator", "ref", creator)));
    }

    static String remixBy(String source, String creator) {
        return Content.publishedWork("remix by " + creator.substring(0, 8), "REMIX", source, creator);
    }

    static String submit(String challenge, String work, String creator) {
        return Client.creator(creator).ok(SUBMIT, Map.of("input", Map.of("challengeId", challenge, "workId", work)))
                .getString("data.submitChallengeEntry.id");
    }

    // --- creating and changing

    @Test
    void everyRuleOfANewChallengeIsCheckedNamingItsFieldAndWritesNothing() {
        String source = Content.publishedWork("rules source", "ORIGINAL", null, Content.creator());
        long before = sql("select count(*) from challenge");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Object[][] cases = {
            {"title", "   ", "BAD_USER_INPUT", "title"},
            {"timeZone", "+08:00", "BAD_USER_INPUT", "timeZone"},
            {"timeZone", "Mars/Olympus", "BAD_USER_INPUT", "timeZone"},
            {"topicTag", "no hash", "BAD_USER_INPUT", "topicTag"},
            {"topicTag", "#" + "长".repeat(51), "BAD_USER_INPUT", "topicTag"},
            {"schedule", schedule(now, now.plusDays(2), now.plusDays(1), now.plusDays(3), now.plusDays(4)),
                "BAD_USER_INPUT", "schedule.submissionsCloseAt"},
            {"schedule", schedule(now, now.minusDays(1), now.plusDays(1), now.plusDays(3), now.plusDays(4)),
                "BAD_USER_INPUT", "schedule.submissionsOpenAt"},
            {"schedule", schedule(now.minusDays(9), now.minusDays(8), now.minusDays(7), now.plusDays(3), now.plusDays(4)),
                "BAD_USER_INPUT", "schedule.submissionsCloseAt"},
            {"schedule", schedule(now, now.plusDays(1), now.plusDays(2), now.plusDays(2), now.plusDays(4)),
                "BAD_USER_INPUT", "schedule.votingCloseAt"},
            {"schedule", schedule(now, now.plusDays(1), now.plusDays(2), now.plusDays(3), now.plusDays(2)),
                "BAD_USER_INPUT", "schedule.resultsAt"},
            {"terms", Map.of("voteWeight", 50, "juryWeight", 50, "engagementWeight", 10), "BAD_USER_INPUT",
                "terms.voteWeight"},
            {"terms", Map.of("voteWeight", 100), "BAD_USER_INPUT", "terms.juryWeight"},
            {"terms", Map.of("voteWeight", -10, "juryWeight", 90, "engagementWeight", 20), "BAD_USER_INPUT",
                "terms.voteWeight"},
            {"terms", Map.of("entriesPerCreator", 0), "BAD_USER_INPUT", "terms.entriesPerCreator"},
            {"terms", Map.of("entriesPerCreator", 101), "BAD_USER_INPUT", "terms.entriesPerCreator"},
            {"terms", Map.of("minDurationSeconds", 300, "maxDurationSeconds", 200), "BAD_USER_INPUT",
                "terms.maxDurationSeconds"},
            {"terms", Map.of("maxDurationSeconds", 0), "BAD_USER_INPUT", "terms.maxDurationSeconds"},
            {"sourceWorkId", null, "BAD_USER_INPUT", "sourceWorkId"},
            {"sourceWorkId", "not-an-id", "BAD_USER_INPUT", "sourceWorkId"},
            {"sourceWorkId", UUID.randomUUID().toString(), "NOT_FOUND", "sourceWorkId"},
        };
        for (Object[] c : cases) {
            Map<String, Object> input = remixChallenge(source);
            input.put((String) c[0], c[1]);
            GraphQLClient.fails((String) c[2], (String) c[3], CREATE, Map.of("input", input));
        }
        Map<String, Object> original = remixChallenge(source);
        original.put("entryKind", "ORIGINAL");
        GraphQLClient.fails("BAD_USER_INPUT", "sourceWorkId", CREATE, Map.of("input", original));
        String video = Content.publishedWork("a video", "MUSIC_VIDEO", source, Content.creator());
        Map<String, Object> onVideo = remixChallenge(video);
        GraphQLClient.fails("BAD_USER_INPUT", "sourceWorkId", CREATE, Map.of("input", onVideo));
        assertEquals(before, sql("select count(*) from challenge"), "a refused challenge was written");
    }

    @Test
    void onlyStaffRunChallenges() {
        Map<String, Object> input = remixChallenge(Content.publishedWork("s", "ORIGINAL", null, Content.creator()));
        Client.anonymous().fails("UNAUTHENTICATED", null, CREATE, Map.of("input", input));
        Client.creator(Content.creator()).fails("FORBIDDEN", null, CREATE, Map.of("input", input));
        Client.user("fan-1").fails("FORBIDDEN", null, CREATE, Map.of("input", input));
    }

    @Test
    void everyCallerListsChallengesByEveryPhaseOrNone() {
        Fixture open = challengeIn("OPEN", null);
        GraphQLClient.ok(CREATE, Map.of("input", remixChallenge(open.source())));
        String list = "query($p: ChallengePhase) { challenges(filter: {phase: $p}, first: 100) { totalCount edges { "
                + "node { id phase } } } }";
        List<String> phases = new ArrayList<>(List.of("DRAFT", "ANNOUNCED", "OPEN", "VOTING", "JUDGING", "RESULTS",
                "CANCELLED"));
        phases.add(null);
        List<Client> callers = List.of(Client.staff(), Client.anonymous(), Client.creator(Content.creator()));
        Map<String, Integer> staffCounts = new HashMap<>();
        for (int c = 0; c < callers.size(); c++) {
            for (String phase : phases) {
                Map<String, Object> variables = new HashMap<>();
                variables.put("p", phase);
                JsonPath answer = callers.get(c).ok(list, variables);
                List<String> seen = answer.getList("data.challenges.edges.node.phase");
                if (phase != null) {
                    assertTrue(seen.stream().allMatch(phase::equals), phase + ": " + seen);
                }
                int total = answer.getInt("data.challenges.totalCount");
                if (c == 0) {
                    staffCounts.put(String.valueOf(phase), total);
                } else if ("DRAFT".equals(phase)) {
                    assertEquals(0, total, "drafts are for staff");
                } else if (phase == null) {
                    assertTrue(total >= 1 && total < staffCounts.get("null"), "everything but drafts: " + total);
                }
            }
        }
        assertTrue(staffCounts.get("DRAFT") >= 1);
        assertTrue(staffCounts.get("OPEN") >= 1);
    }

    @Test
    void aDraftIsHiddenAndAnAnnouncedChallengeIsPublicFromItsAnnounceInstant() {
        String source = Content.publishedWork("visible source", "ORIGINAL", null, Content.creator());
        Map<String, Object> input = remixChallenge(source);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        input.put("schedule", schedule(now.plusHours(5), now.plusDays(1), now.plusDays(2), now.plusDays(3),
                now.plusDays(4)));
        JsonPath created = GraphQLClient.ok(CREATE, Map.of("input", input));
        String id = created.getString("data.createChallenge.id");
        assertEquals("DRAFT", created.getString("data.createChallenge.phase"));
        String opens = created.getString("data.createChallenge.schedule.submissionsOpenAt");
        assertTrue(opens.endsWith("+08:00"), "the schedule is shown in the challenge's time zone: " + opens);
        assertEquals(source, created.getString("data.createChallenge.sourceWork.id"));
        assertNull(Client.anonymous().ok(GET, Map.of("id", id)).get("data.challenge"));
        GraphQLClient.ok(ANNOUNCE, Map.of("id", id));
        assertEquals("ANNOUNCED", GraphQLClient.ok(GET, Map.of("id", id)).getString("data.challenge.phase"));
        assertNull(Client.anonymous().ok(GET, Map.of("id", id)).get("data.challenge"),
                "public only from its announce instant");
        moveTo(id, "ANNOUNCED");
        assertEquals("ANNOUNCED", Client.anonymous().ok(GET, Map.of("id", id)).getString("data.challenge.phase"));
        List<String> listed = Client.anonymous().ok("{ challenges(filter: {phase: ANNOUNCED}, first: 100) { edges { "
                + "node { id } } } }").getList("data.challenges.edges.node.id");
        assertTrue(listed.contains(id));
        moveTo(id, "OPEN");
        assertEquals("OPEN", Client.anonymous().ok(GET, Map.of("id", id)).getString("data.challenge.phase"));
        assertTrue(Client.anonymous().ok("{ challenges(filter: {phase: OPEN}, first: 100) { edges { node { id } } } }")
                .getList("data.challenges.edges.node.id").contains(id));
        assertTrue(!Client.anonymous().ok("{ challenges(filter: {phase: DRAFT}, first: 100) { edges { node { id } } } }")
                .getList("data.challenges.edges.node.id").contains(id));
    }

    @Test
    void theRulesAreFixedOnceAnnounced() {
        Fixture f = challengeIn("OPEN", null);
        JsonPath current = GraphQLClient.ok(GET, Map.of("id", f.id()));
        Map<String, Object> terms = Map.of("voteWeight", 20, "juryWeight", 60, "engagementWeight", 20);
        GraphQLClient.fails("CONFLICT", "terms", UPDATE, Map.of("input", Map.of("id", f.id(), "terms", terms)));
        GraphQLClient.fails("CONFLICT", "timeZone", UPDATE, Map.of("input", Map.of("id", f.id(), "timeZone", "UTC")));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        GraphQLClient.fails("CONFLICT", "schedule", UPDATE, Map.of("input", Map.of("id", f.id(), "schedule",
                schedule(now, now.plusDays(1), now.plusDays(30), now.plusDays(31), now.plusDays(32)))));
        Map<String, Object> same = new HashMap<>(current.getMap("data.challenge.schedule"));
        JsonPath retitled = GraphQLClient.ok(UPDATE, Map.of("input", Map.of("id", f.id(), "schedule", same,
                "title", "晚风告白 Remix 大赛 · 第二季", "terms", Map.of("voteWeight", 40, "juryWeight", 40,
                        "engagementWeight", 20))));
        assertEquals("晚风告白 Remix 大赛 · 第二季", retitled.getString("data.updateChallenge.title"));
        assertEquals(current.getString("data.challenge.schedule.submissionsCloseAt"),
                retitled.getString("data.updateChallenge.schedule.submissionsCloseAt"));
        GraphQLClient.fails("CONFLICT", "id", ANNOUNCE, Map.of("id", f.id()));
        JsonPath cancelled = GraphQLClient.ok("mutation($id: ID!) { cancelChallenge(input: {id: $id, reason: \"rights\"}) "
                + "{ phase cancelReason } }", Map.of("id", f.id()));
        assertEquals("CANCELLED", cancelled.getString("data.cancelChallenge.phase"));
        GraphQLClient.fails("CONFLICT", "id", UPDATE, Map.of("input", Map.of("id", f.id(), "title", "again")));
    }

    @Test
    void aDraftMayChangeEverything() {
        String source = Content.publishedWork("draft source", "ORIGINAL", null, Content.creator());
        String id = GraphQLClient.ok(CREATE, Map.of("input", remixChallenge(source))).getString("data.createChallenge.id");
        JsonPath changed = GraphQLClient.ok(UPDATE, Map.of("input", Map.of("id", id, "timeZone", "europe/london",
                "terms", Map.of("entriesPerCreator", 3, "voteWeight", 0, "juryWeight", 100, "engagementWeight", 0))));
        assertEquals("Europe/London", changed.getString("data.updateChallenge.timeZone"));
        assertEquals(3, changed.getInt("data.updateChallenge.terms.entriesPerCreator"));
        assertEquals(100, changed.getInt("data.updateChallenge.terms.juryWeight"));
    }

    // --- entries

    @Test
    void anEntryMustMeetEveryRuleEachNamingTheWork() {
        Fixture f = challengeIn("OPEN", Map.of("minDurationSeconds", 60, "maxDurationSeconds", 300));
        String me = Content.creator();
        Client creator = Client.creator(me);
        String otherSong = Content.publishedWork("another song", "ORIGINAL", null, Content.creator());
        Map<String, Object> tooLong = Content.work("too long", "REMIX", me);
        tooLong.put("derivedFromId", f.source());
        tooLong.put("durationSeconds", 301);
        String longRemix = Content.createWork(tooLong);
        GraphQLClient.ok(Content.PUBLISH, Map.of("id", longRemix));
        Map<String, Object> draftInput = Content.work("draft remix", "REMIX", me);
        draftInput.put("derivedFromId", f.source());
        String draft = Content.createWork(draftInput);
        Object[][] cases = {
            {Content.publishedWork("a cover", "COVER", f.source(), me), "BAD_USER_INPUT", "workId"},
            {Content.publishedWork("remix of another", "REMIX", otherSong, me), "BAD_USER_INPUT", "workId"},
            {remixBy(f.source(), Content.creator()), "BAD_USER_INPUT", "workId"},
            {longRemix, "BAD_USER_INPUT", "workId"},
            {draft, "BAD_USER_INPUT", "workId"},
            {UUID.randomUUID().toString(), "NOT_FOUND", "workId"},
            {"x", "BAD_USER_INPUT", "workId"},
        };
        for (Object[] c : cases) {
            creator.fails((String) c[1], (String) c[2], SUBMIT, Map.of("input", Map.of("challengeId", f.id(),
                    "workId", c[0])));
        }
        creator.fails("NOT_FOUND", "challengeId", SUBMIT, Map.of("input", Map.of("challengeId",
                UUID.randomUUID().toString(), "workId", remixBy(f.source(), me))));
        Client.anonymous().fails("UNAUTHENTICATED", null, SUBMIT, Map.of("input", Map.of("challengeId", f.id(),
                "workId", remixBy(f.source(), me))));
        Client.user("fan-2").fails("FORBIDDEN", null, SUBMIT, Map.of("input", Map.of("challengeId", f.id(),
                "workId", remixBy(f.source(), me))));
        assertEquals(0, sql("select count(*) from challenge_entry where challenge_id = '" + f.id() + "'"));

        Fixture later = challengeIn("ANNOUNCED", null);
        creator.fails("CONFLICT", "challengeId", SUBMIT, Map.of("input", Map.of("challengeId", later.id(),
                "workId", remixBy(later.source(), me))));
    }

    @Test
    void oneEntryPerCreatorByDefaultAndAWorkEntersOnce() {
        Fixture f = challengeIn("OPEN", null);
        String me = Content.creator();
        String first = remixBy(f.source(), me);
        String second = remixBy(f.source(), me);
        Map<String, Object> keyed = Map.of("challengeId", f.id(), "workId", first, "idempotencyKey", "entry-" + me);
        String entry = Client.creator(me).ok(SUBMIT, Map.of("input", keyed)).getString("data.submitChallengeEntry.id");
        assertEquals(entry, Client.creator(me).ok(SUBMIT, Map.of("input", keyed)).getString("data.submitChallengeEntry.id"),
                "a retry with the same key answers the same entry");
        Client.creator(me).fails("CONFLICT", "workId", SUBMIT, Map.of("input", Map.of("challengeId", f.id(),
                "workId", first)));
        Client.creator(me).fails("CONFLICT", "challengeId", SUBMIT, Map.of("input", Map.of("challengeId", f.id(),
                "workId", second)));
        assertEquals("WITHDRAWN", Client.creator(me).ok(WITHDRAW, Map.of("id", entry))
                .getString("data.withdrawChallengeEntry.status"));
        submit(f.id(), second, me);
        assertEquals(1, sql("select count(*) from challenge_entry where challenge_id = '" + f.id()
                + "' and status = 'ACTIVE'"));
        Client.creator(Content.creator()).fails("NOT_FOUND", "id", WITHDRAW, Map.of("id", entry));
    }

    @Test
    void concurrentSubmissionsOfOneCreatorStayWithinTheLimit() throws Exception {
        Fixture f = challengeIn("OPEN", Map.of("entriesPerCreator", 2));
        String me = Content.creator();
        List<String> works = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            works.add(remixBy(f.source(), me));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<JsonPath>> answers = new ArrayList<>();
            for (String work : works) {
                answers.add(pool.submit(() -> Client.creator(me).post(SUBMIT, Map.of("input",
                        Map.of("challengeId", f.id(), "workId", work)))));
            }
            int accepted = 0;
            for (Future<JsonPath> answer : answers) {
                JsonPath a = answer.get(60, TimeUnit.SECONDS);
                if (a.get("errors") == null) {
                    accepted++;
                } else {
                    assertEquals("CONFLICT", a.getString("errors[0].extensions.code"), a::prettify);
                }
            }
            assertEquals(2, accepted);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, sql("select count(*) from challenge_entry where challenge_id = '" + f.id() + "'"));
    }

    @Test
    void withdrawingTheWorkWithdrawsItsEntries() {
        Fixture f = challengeIn("OPEN", null);
        String me = Content.creator();
        String work = remixBy(f.source(), me);
        String entry = submit(f.id(), work, me);
        GraphQLClient.ok("mutation($id: ID!) { withdrawWork(input: {id: $id}) { status } }", Map.of("id", work));
        JsonPath mine = Client.creator(me).ok("query($r: [_Any!]!) { _entities(representations: $r) { ... on Creator { "
                + "challengeEntries { edges { node { id status } } } } } }", creatorRef(me));
        assertEquals(entry, mine.getString("data._entities[0].challengeEntries.edges[0].node.id"));
        assertEquals("WITHDRAWN", mine.getString("data._entities[0].challengeEntries.edges[0].node.status"));
        assertEquals(0, Client.anonymous().ok(ENTRIES, Map.of("id", f.id())).getInt("data.challenge.entries.totalCount"));
    }

    @Test
    void aDisqualificationReasonIsForTheEntrantAndStaffOnly() {
        Fixture f = challengeIn("OPEN", null);
        String me = Content.creator();
        String entry = submit(f.id(), remixBy(f.source(), me), me);
        Client.creator(me).fails("FORBIDDEN", null, "mutation($id: ID!) { disqualifyChallengeEntry(input: {id: $id, "
                + "reason: \"x\"}) { id } }", Map.of("id", entry));
        GraphQLClient.fails("BAD_USER_INPUT", "reason", "mutation($id: ID!) { disqualifyChallengeEntry(input: {id: $id, "
                + "reason: \"  \"}) { id } }", Map.of("id", entry));
        GraphQLClient.ok("mutation($id: ID!) { disqualifyChallengeEntry(input: {id: $id, reason: \"uses an uncleared "
                + "sample\"}) { status } }", Map.of("id", entry));
        JsonPath own = Client.creator(me).ok(ENTRIES, Map.of("id", f.id()));
        assertEquals("uses an uncleared sample", own.getString("data.challenge.entries.edges[0].node.disqualifiedReason"));
        assertEquals(0, Client.anonymous().ok(ENTRIES, Map.of("id", f.id())).getInt("data.challenge.entries.totalCount"),
                "a disqualified entry is not listed for others");
        JsonPath staff = GraphQLClient.ok(ENTRIES, Map.of("id", f.id()));
        assertEquals("DISQUALIFIED", staff.getString("data.challenge.entries.edges[0].node.status"));
    }

    // --- votes

    @Test
    void oneVotePerUserWhileVotingThatANewVoteMoves() {
        Fixture f = challengeIn("OPEN", null);
        String a = Content.creator();
        String b = Content.creator();
        String entryA = submit(f.id(), remixBy(f.source(), a), a);
        String entryB = submit(f.id(), remixBy(f.source(), b), b);
        Client fan = Client.user("fan-voter");
        fan.fails("CONFLICT", "challengeId", VOTE, Map.of("c", f.id(), "e", entryA));
        moveTo(f.id(), "VOTING");
        Client.anonymous().fails("UNAUTHENTICATED", null, VOTE, Map.of("c", f.id(), "e", entryA));
        fan.fails("NOT_FOUND", "entryId", VOTE, Map.of("c", f.id(), "e", UUID.randomUUID().toString()));
        Client.creator(a).fails("FORBIDDEN", null, VOTE, Map.of("c", f.id(), "e", entryA));
        assertEquals(entryA, fan.ok(VOTE, Map.of("c", f.id(), "e", entryA)).getString("data.castChallengeVote.entry.id"));
        fan.ok(VOTE, Map.of("c", f.id(), "e", entryB));
        Client.creator(a).ok(VOTE, Map.of("c", f.id(), "e", entryB));
        JsonPath tallies = GraphQLClient.ok(ENTRIES, Map.of("id", f.id()));
        Map<String, Integer> votes = new HashMap<>();
        for (int i = 0; i < 2; i++) {
            votes.put(tallies.getString("data.challenge.entries.edges[" + i + "].node.id"),
                    tallies.getInt("data.challenge.entries.edges[" + i + "].node.votes"));
        }
        assertEquals(Map.of(entryA, 0, entryB, 2), votes);
        JsonPath publicView = fan.ok(ENTRIES + "", Map.of("id", f.id()));
        assertNull(publicView.get("data.challenge.entries.edges[0].node.votes"), "tallies are private until results");
        assertEquals(entryB, fan.ok("query($id: ID!) { challenge(id: $id) { myVote { entry { id } } } }",
                Map.of("id", f.id())).getString("data.challenge.myVote.entry.id"));
        moveTo(f.id(), "JUDGING");
        fan.fails("CONFLICT", "challengeId", VOTE, Map.of("c", f.id(), "e", entryA));
    }

    @Test
    void hundredsOfVotersAtOnceSomeSendingTwiceCountOnceEach() throws Exception {
        Fixture f = challengeIn("OPEN", null);
        String a = Content.creator();
        String b = Content.creator();
        String entryA = submit(f.id(), remixBy(f.source(), a), a);
        String entryB = submit(f.id(), remixBy(f.source(), b), b);
        moveTo(f.id(), "VOTING");
        int voters = 200;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<JsonPath>> answers = new ArrayList<>();
            for (int i = 0; i < voters; i++) {
                String voter = "crowd-" + i;
                String entry = i % 3 == 0 ? entryB : entryA;
                int sends = i % 4 == 0 ? 2 : 1;
                for (int s = 0; s < sends; s++) {
                    answers.add(pool.submit(() -> Client.user(voter).post(VOTE, Map.of("c", f.id(), "e", entry))));
                }
            }
            for (Future<JsonPath> answer : answers) {
                JsonPath a1 = answer.get(120, TimeUnit.SECONDS);
                assertNull(a1.get("errors"), a1::prettify);
            }
        } finally {
            pool.shutdownNow();
        }
        long forB = (voters + 2) / 3;
        assertEquals(voters, sql("select count(*) from challenge_vote where challenge_id = '" + f.id() + "'"));
        JsonPath tallies = GraphQLClient.ok(ENTRIES, Map.of("id", f.id()));
        int total = 0;
        for (int i = 0; i < 2; i++) {
            String id = tallies.getString("data.challenge.entries.edges[" + i + "].node.id");
            int count = tallies.getInt("data.challenge.entries.edges[" + i + "].node.votes");
            assertEquals(id.equals(entryB) ? forB : voters - forB, count);
            total += count;
        }
        assertEquals(voters, total);
    }

    // --- the jury and the results

    static final String CRITERIA = "mutation($c: ID!, $k: [ChallengeCriterionInput!]!) { setChallengeCriteria(input: "
            + "{challengeId: $c, criteria: $k}) { id name weight maxScore } }";
    static final String APPOINT = "mutation($c: ID!, $s: String!, $k: ID) { appointChallengeJudge(input: {challengeId: $c, "
            + "subject: $s, creatorId: $k}) { subject } }";
    static final String SCORE = "mutation($e: ID!, $s: [ChallengeScoreInput!]!) { scoreChallengeEntry(input: {entryId: $e, "
            + "scores: $s}) { judge criterion score } }";
    static final String PUBLISH = "mutation($id: ID!) { publishChallengeResults(input: {id: $id}) { phase } }";
    static final String RESULTS = "query($id: ID!) { challenge(id: $id) { phase results { rank votes juryScore plays "
            + "votePart juryPart engagementPart score entry { id scores { judge criterion score } } } } }";

    static List<Map<String, Object>> scores(List<String> criteria, int... values) {
        List<Map<String, Object>> scores = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            scores.add(Map.of("criterionId", criteria.get(i), "score", values[i]));
        }
        return scores;
    }

    @Test
    void criteriaAreCheckedAndFixedOnceJudgingBegins() {
        Fixture f = challengeIn("OPEN", null);
        Object[][] cases = {
            {List.of(), "criteria"},
            {List.of(Map.of("name", "Mix", "weight", 0, "maxScore", 10)), "criteria[0].weight"},
            {List.of(Map.of("name", "Mix", "weight", 10, "maxScore", 101)), "criteria[0].maxScore"},
            {List.of(Map.of("name", "Mix", "weight", 10, "maxScore", 10), Map.of("name", " mix ", "weight", 10,
                    "maxScore", 10)), "criteria[1].name"},
            {List.of(Map.of("name", "\u200b", "weight", 10, "maxScore", 10)), "criteria[0].name"},
        };
        for (Object[] c : cases) {
            GraphQLClient.fails("BAD_USER_INPUT", (String) c[1], CRITERIA, Map.of("c", f.id(), "k", c[0]));
        }
        List<Map<String, Object>> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(Map.of("name", "c" + i, "weight", 1, "maxScore", 5));
        }
        GraphQLClient.fails("BAD_USER_INPUT", "criteria", CRITERIA, Map.of("c", f.id(), "k", eleven));
        Client.creator(Content.creator()).fails("FORBIDDEN", null, CRITERIA, Map.of("c", f.id(), "k",
                List.of(Map.of("name", "Mix", "weight", 10, "maxScore", 10))));
        assertEquals(2, GraphQLClient.ok(CRITERIA, Map.of("c", f.id(), "k", List.of(Map.of("name", "Mix", "weight", 40,
                "maxScore", 10), Map.of("name", "Idea", "weight", 60, "maxScore", 5)))).getList(
                        "data.setChallengeCriteria").size());
        assertEquals(List.of("Mix", "Idea"), Client.anonymous().ok("query($id: ID!) { challenge(id: $id) { criteria { "
                + "name } judges { subject } } }", Map.of("id", f.id())).getList("data.challenge.criteria.name"));
        moveTo(f.id(), "JUDGING");
        GraphQLClient.fails("CONFLICT", "challengeId", CRITERIA, Map.of("c", f.id(), "k",
                List.of(Map.of("name", "Mix", "weight", 10, "maxScore", 10))));
    }

    @Test
    void judgesScoreEveryCriterionPrivatelyAndAreRecusedFromTheirOwnEntries() {
        Fixture f = challengeIn("OPEN", null);
        String a = Content.creator();
        String b = Content.creator();
        String entryA = submit(f.id(), remixBy(f.source(), a), a);
        String entryB = submit(f.id(), remixBy(f.source(), b), b);
        List<String> criteria = GraphQLClient.ok(CRITERIA, Map.of("c", f.id(), "k", List.of(
                Map.of("name", "Creativity", "weight", 60, "maxScore", 10),
                Map.of("name", "Mix", "weight", 40, "maxScore", 10)))).getList("data.setChallengeCriteria.id");
        GraphQLClient.ok(APPOINT, Map.of("c", f.id(), "s", "judge-1"));
        Map<String, Object> withCreator = new HashMap<>(Map.of("c", f.id(), "s", "judge-2", "k", b));
        GraphQLClient.ok(APPOINT, withCreator);
        Client judge1 = Client.user("judge-1");
        Client judge2 = Client.creator(b); // subject differs from judge-2: not a judge by subject
        judge1.fails("CONFLICT", "entryId", SCORE, Map.of("e", entryA, "s", scores(criteria, 5, 5)));
        moveTo(f.id(), "JUDGING");
        judge2.fails("FORBIDDEN", null, SCORE, Map.of("e", entryA, "s", scores(criteria, 5, 5)));
        Client.user("fan-9").fails("FORBIDDEN", null, SCORE, Map.of("e", entryA, "s", scores(criteria, 5, 5)));
        Client judgeB = Client.as(dev.chorus.test.Tokens.sign(withClaim(dev.chorus.test.Tokens.claimsOf("judge-2"),
                "creator_id", b)));
        judgeB.fails("FORBIDDEN", null, SCORE, Map.of("e", entryB, "s", scores(criteria, 9, 9)));
        judge1.fails("BAD_USER_INPUT", "scores", SCORE, Map.of("e", entryA, "s", scores(criteria, 5)));
        judge1.fails("BAD_USER_INPUT", "scores[1].score", SCORE, Map.of("e", entryA, "s", scores(criteria, 5, 11)));
        judge1.fails("BAD_USER_INPUT", "scores[0].score", SCORE, Map.of("e", entryA, "s", scores(criteria, -1, 1)));
        judge1.fails("BAD_USER_INPUT", "scores[1].criterionId", SCORE, Map.of("e", entryA, "s", List.of(
                Map.of("criterionId", criteria.get(0), "score", 1), Map.of("criterionId", criteria.get(0), "score", 1))));
        judge1.fails("BAD_USER_INPUT", "scores[0].criterionId", SCORE, Map.of("e", entryA, "s", List.of(
                Map.of("criterionId", UUID.randomUUID().toString(), "score", 1),
                Map.of("criterionId", criteria.get(1), "score", 1))));
        judge1.ok(SCORE, Map.of("e", entryA, "s", scores(criteria, 2, 2)));
        assertEquals(List.of(9, 7), judge1.ok(SCORE, Map.of("e", entryA, "s", scores(criteria, 9, 7)))
                .getList("data.scoreChallengeEntry.score"), "scoring again replaces");
        judgeB.ok(SCORE, Map.of("e", entryA, "s", scores(criteria, 4, 4)));
        String q = "query($id: ID!) { challenge(id: $id) { entries { edges { node { id scores { judge score } } } } } }";
        assertEquals(2, judge1.ok(q, Map.of("id", f.id())).getList("data.challenge.entries.edges[0].node.scores")
                .size(), "a judge sees their own scores only");
        assertEquals(List.of(), Client.anonymous().ok(q, Map.of("id", f.id()))
                .getList("data.challenge.entries.edges[0].node.scores"));
        assertEquals(4, GraphQLClient.ok(q, Map.of("id", f.id())).getList("data.challenge.entries.edges[0].node.scores")
                .size());
        assertNull(Client.anonymous().ok("query($id: ID!) { challenge(id: $id) { judges { subject } } }",
                Map.of("id", f.id())).get("data.challenge.judges"));
    }

    static Map<String, Object> withClaim(Map<String, Object> claims, String name, Object value) {
        Map<String, Object> changed = new HashMap<>(claims);
        changed.put(name, value);
        return changed;
    }

    @Test
    void resultsAreComputedRankedAndFrozenOnce() {
        Fixture f = challengeIn("OPEN", null); // weights 40 / 40 / 20
        String a = Content.creator();
        String b = Content.creator();
        String c = Content.creator();
        String workC = remixBy(f.source(), c);
        String workA = remixBy(f.source(), a);
        String entryA = submit(f.id(), workA, a);
        String entryB = submit(f.id(), remixBy(f.source(), b), b);
        String entryC = submit(f.id(), workC, c);
        List<String> criteria = GraphQLClient.ok(CRITERIA, Map.of("c", f.id(), "k", List.of(
                Map.of("name", "Creativity", "weight", 60, "maxScore", 10),
                Map.of("name", "Mix", "weight", 40, "maxScore", 10)))).getList("data.setChallengeCriteria.id");
        GraphQLClient.ok(APPOINT, Map.of("c", f.id(), "s", "judge-r"));
        sql("update challenge_entry set submitted_at = submitted_at - interval '2 days' where challenge_id = '"
                + f.id() + "'");
        String yesterday = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
        Client.user("ingest-r", "ingestion").ok("mutation($d: Date!, $w: ID!) { recordEngagement(input: {batchId: "
                + "\"r-" + f.id() + "\", day: $d, deltas: [{workId: $w, plays: 100}]}) { works } }",
                Map.of("d", yesterday, "w", workC));
        moveTo(f.id(), "VOTING");
        for (int i = 0; i < 8; i++) {
            Client.user("r-voter-" + i).ok(VOTE, Map.of("c", f.id(), "e", i < 2 ? entryA : i < 6 ? entryB : entryC));
        }
        GraphQLClient.fails("CONFLICT", "id", PUBLISH, Map.of("id", f.id()));
        moveTo(f.id(), "JUDGING");
        Client judge = Client.user("judge-r");
        judge.ok(SCORE, Map.of("e", entryA, "s", scores(criteria, 10, 10)));
        judge.ok(SCORE, Map.of("e", entryB, "s", scores(criteria, 5, 5)));
        judge.ok(SCORE, Map.of("e", entryC, "s", scores(criteria, 10, 10)));
        assertNull(Client.anonymous().ok(RESULTS, Map.of("id", f.id())).get("data.challenge.results"));
        Client.creator(a).fails("FORBIDDEN", null, PUBLISH, Map.of("id", f.id()));
        assertEquals("RESULTS", GraphQLClient.ok(PUBLISH, Map.of("id", f.id())).getString(
                "data.publishChallengeResults.phase"));
        GraphQLClient.fails("CONFLICT", "id", PUBLISH, Map.of("id", f.id()));

        // votes A 2, B 4, C 2; jury A 100, B 50, C 100; plays C 100:
        // A 40×0.5 + 40×1 = 60; B 40×1 + 40×0.5 = 60; C 40×0.5 + 40×1 + 20×1 = 80 → C, then A (jury), then B
        JsonPath results = Client.anonymous().ok(RESULTS, Map.of("id", f.id()));
        assertEquals(List.of(entryC, entryA, entryB), results.getList("data.challenge.results.entry.id"));
        assertEquals(List.of(1, 2, 3), results.getList("data.challenge.results.rank"));
        assertEquals(List.of(2, 2, 4), results.getList("data.challenge.results.votes"));
        assertEquals(List.of(100, 0, 0), results.getList("data.challenge.results.plays"));
        assertEquals(List.of(80f, 60f, 60f), results.getList("data.challenge.results.score", Float.class));
        assertEquals(List.of(100f, 100f, 50f), results.getList("data.challenge.results.juryScore", Float.class));
        assertEquals(List.of(0.5f, 0.5f, 1f), results.getList("data.challenge.results.votePart", Float.class));
        assertEquals(2, results.getList("data.challenge.results[0].entry.scores").size(),
                "the scores are public with the results");

        // frozen: later plays change nothing
        Client.user("ingest-r", "ingestion").ok("mutation($d: Date!, $w: ID!) { recordEngagement(input: {batchId: "
                + "\"r2-" + f.id() + "\", day: $d, deltas: [{workId: $w, plays: 5000}]}) { works } }",
                Map.of("d", yesterday, "w", workA));
        assertEquals(results.getList("data.challenge.results.score", Float.class), Client.anonymous()
                .ok(RESULTS, Map.of("id", f.id())).getList("data.challenge.results.score", Float.class));
        Client.user("late-voter").fails("CONFLICT", "challengeId", VOTE, Map.of("c", f.id(), "e", entryA));
    }

    // --- the graph

    @Test
    void entriesAreReachedFromTheWorkAndTheCreatorWithoutLeaking() {
        Fixture f = challengeIn("OPEN", null);
        String me = Content.creator();
        String work = remixBy(f.source(), me);
        String entry = submit(f.id(), work, me);
        JsonPath fromWork = Client.anonymous().ok("query($id: ID!) { work(id: $id) { challengeEntries { id "
                + "challenge { id title } } } }", Map.of("id", work));
        assertEquals(entry, fromWork.getString("data.work.challengeEntries[0].id"));
        assertEquals(f.id(), fromWork.getString("data.work.challengeEntries[0].challenge.id"));
        JsonPath fromCreator = Client.anonymous().ok("query($r: [_Any!]!) { _entities(representations: $r) { ... on Creator { "
                + "challengeEntries { totalCount edges { node { id } } } } } }", creatorRef(me));
        assertEquals(1, fromCreator.getInt("data._entities[0].challengeEntries.totalCount"));
        // a draft challenge's entries do not exist for others: none can be made, and the draft stays hidden
        String draft = GraphQLClient.ok(CREATE, Map.of("input", remixChallenge(f.source()))).getString(
                "data.createChallenge.id");
        assertNull(Client.anonymous().ok(ENTRIES, Map.of("id", draft)).get("data.challenge"));
    }

    @Test
    void statementsPerRequestDoNotGrowWithTheEntries() {
        Fixture small = challengeIn("OPEN", null);
        Fixture large = challengeIn("OPEN", null);
        for (int i = 0; i < 2; i++) {
            String c = Content.creator();
            submit(small.id(), remixBy(small.source(), c), c);
        }
        for (int i = 0; i < 12; i++) {
            String c = Content.creator();
            submit(large.id(), remixBy(large.source(), c), c);
        }
        moveTo(small.id(), "VOTING");
        moveTo(large.id(), "VOTING");
        String query = "query($id: ID!) { challenge(id: $id) { sourceWork { id } myVote { castAt } entries(first: 50) "
                + "{ totalCount edges { node { id votes entrant { ref } challenge { id } work { id title credits { role } "
                + "challengeEntries { id } } } } } } }";
        try (SqlStatementCounter sql = SqlStatementCounter.forApplicationDatabase()) {
            sql.reset();
            JsonPath a = GraphQLClient.ok(query, Map.of("id", small.id()));
            long forSmall = sql.count();
            sql.reset();
            JsonPath b = GraphQLClient.ok(query, Map.of("id", large.id()));
            long forLarge = sql.count();
            assertEquals(2, a.getInt("data.challenge.entries.totalCount"));
            assertEquals(12, b.getInt("data.challenge.entries.totalCount"));
            assertNotNull(b.getString("data.challenge.entries.edges[11].node.work.title"));
            assertEquals(forSmall, forLarge, "statements grew with the number of entries");
        }
    }
}
