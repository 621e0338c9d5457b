package dev.chorus.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.chorus.test.Client;
import dev.chorus.test.GraphQLClient;
import dev.chorus.test.PostgresTestResource;
import dev.chorus.test.SqlStatementCounter;
import dev.chorus.test.Subscriber;
import dev.chorus.test.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/** workEngagement and challengeActivity over WebSocket (graphql-transport-ws), straight from content-service. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class LiveTest {
    static final String ENGAGEMENT = "subscription($w: ID!) { workEngagement(workId: $w) { version "
            + "totals { plays likes interactions } work { title } } }";
    static final String ACTIVITY = "subscription($c: ID!) { challengeActivity(challengeId: $c) { change entryId "
            + "entry { id status } tallies { entryId votes } challenge { id title phase } } }";
    static final String RECORD = "mutation($input: RecordEngagementInput!) { recordEngagement(input: $input) "
            + "{ works } }";

    @TestHTTPResource("/graphql")
    URI endpoint;

    static Map<String, Object> batch(List<Map<String, Object>> deltas) {
        return Map.of("input", Map.of("day", EngagementTest.TODAY.toString(), "deltas", deltas));
    }

    static Map<String, Object> plays(String work, int plays) {
        return Map.of("workId", work, "plays", plays, "likes", 1);
    }

    @Test
    void aBurstOfBatchesArrivesCoalescedAndTheLastMessageHoldsTheFinalTotals() throws Exception {
        String work = Content.publishedWork("live engagement", "ORIGINAL", null, Content.creator());
        try (Subscriber fan = new Subscriber(endpoint, null, ENGAGEMENT, Map.of("w", work))) {
            JsonObject first = fan.data("workEngagement");
            assertEquals(0, first.getJsonObject("totals").getLong("plays"));
            assertEquals("live engagement", first.getJsonObject("work").getString("title"));
            long version = first.getLong("version");
            int batches = 40;
            long started = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> sent = new ArrayList<>();
                for (int i = 0; i < batches; i++) {
                    sent.add(pool.submit(() -> EngagementTest.ingestion().ok(RECORD, batch(List.of(plays(work, 3))))));
                }
                for (Future<?> f : sent) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            long burstMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            int messages = 0;
            JsonObject last = first;
            while (last.getJsonObject("totals").getLong("plays") < 3L * batches) {
                JsonObject next = fan.data("workEngagement");
                assertTrue(next.getLong("version") > version, "versions grow: " + next.encode());
                version = next.getLong("version");
                last = next;
                messages++;
            }
            assertEquals(3L * batches, last.getJsonObject("totals").getLong("plays"), "the final totals");
            assertEquals(batches, last.getJsonObject("totals").getLong("likes"));
            assertEquals(batches, version - first.getLong("version"), "one version per batch");
            assertTrue(messages <= 2 + burstMillis / 200, messages + " messages for a burst of " + burstMillis + " ms");
            assertNull(fan.poll(Duration.ofMillis(800)), "nothing after the final totals");

            // a batch refused (an unknown work in it) adds nothing and announces nothing
            EngagementTest.ingestion().fails("NOT_FOUND", "deltas[1].workId", RECORD, batch(List.of(
                    plays(work, 5), plays(UUID.randomUUID().toString(), 5))));
            assertNull(fan.poll(Duration.ofMillis(800)), "a rolled-back batch is never announced");
        }
    }

    @Test
    void engagementOfAWorkTheCallerMayNotSeeIsRefused() throws Exception {
        String creator = Content.creator();
        String draft = Content.createWork(Content.work("draft engagement", "ORIGINAL", creator));
        try (Subscriber anonymous = new Subscriber(endpoint, null, ENGAGEMENT, Map.of("w", draft))) {
            JsonObject error = anonymous.error();
            assertEquals("NOT_FOUND", error.getString("code"));
            assertEquals("workId", error.getString("field"));
        }
        try (Subscriber owner = new Subscriber(endpoint, Tokens.creator(creator), ENGAGEMENT, Map.of("w", draft))) {
            assertEquals("draft engagement", owner.data("workEngagement").getJsonObject("work").getString("title"));
        }
        try (Subscriber hostile = new Subscriber(endpoint, null, ENGAGEMENT, Map.of("w", "1' or '1'='1"))) {
            JsonObject error = hostile.error();
            assertEquals("BAD_USER_INPUT", error.getString("code"));
            assertEquals("workId", error.getString("field"));
        }
    }

    @Test
    void entriesReachEveryoneAndTalliesOnlyStaffUntilTheResults() throws Exception {
        ChallengeTest.Fixture f = ChallengeTest.challengeIn("OPEN", null);
        String a = Content.creator();
        try (Subscriber fan = new Subscriber(endpoint, null, ACTIVITY, Map.of("c", f.id()));
                Subscriber staff = new Subscriber(endpoint, Tokens.valid("live-staff", "staff"), ACTIVITY,
                        Map.of("c", f.id()))) {
            JsonObject current = fan.data("challengeActivity");
            assertEquals("CURRENT", current.getString("change"));
            assertEquals(f.id(), current.getJsonObject("challenge").getString("id"));
            assertNull(current.getValue("tallies"), "tallies are for staff until the results");
            JsonObject staffCurrent = staff.data("challengeActivity");
            assertEquals(0, staffCurrent.getJsonArray("tallies").size());

            String entry = ChallengeTest.submit(f.id(), ChallengeTest.remixBy(f.source(), a), a);
            for (Subscriber s : List.of(fan, staff)) {
                JsonObject submitted = s.data("challengeActivity");
                assertEquals("ENTRY_SUBMITTED", submitted.getString("change"));
                assertEquals(entry, submitted.getString("entryId"));
                assertEquals("ACTIVE", submitted.getJsonObject("entry").getString("status"));
            }
            String b = Content.creator();
            String other = ChallengeTest.submit(f.id(), ChallengeTest.remixBy(f.source(), b), b);
            fan.data("challengeActivity");
            staff.data("challengeActivity");
            String c = Content.creator();
            String third = ChallengeTest.submit(f.id(), ChallengeTest.remixBy(f.source(), c), c);
            fan.data("challengeActivity");
            staff.data("challengeActivity");
            Client.creator(c).ok(ChallengeTest.WITHDRAW, Map.of("id", third));
            JsonObject withdrawn = fan.data("challengeActivity");
            assertEquals("ENTRY_WITHDRAWN", withdrawn.getString("change"));
            assertEquals(third, withdrawn.getString("entryId"));
            assertNull(withdrawn.getValue("entry"), "a withdrawn entry is its entrant's and staff's");
            assertEquals("WITHDRAWN", staff.data("challengeActivity").getJsonObject("entry").getString("status"));

            ChallengeTest.moveTo(f.id(), "VOTING"); // the schedule's phases come from the clock: no message
            for (int i = 0; i < 5; i++) {
                Client.user("live-voter-" + i).ok(ChallengeTest.VOTE, Map.of("c", f.id(), "e", i < 3 ? other : entry));
            }
            JsonObject votes = staff.data("challengeActivity");
            while (votes.getJsonArray("tallies").getJsonObject(0).getInteger("votes") < 3) {
                votes = staff.data("challengeActivity"); // coalesced: fewer messages than votes, the last is final
            }
            assertEquals("VOTES", votes.getString("change"));
            assertEquals(other, votes.getJsonArray("tallies").getJsonObject(0).getString("entryId"));
            assertEquals(2, votes.getJsonArray("tallies").getJsonObject(1).getInteger("votes"));

            GraphQLClient.ok("mutation($id: ID!) { disqualifyChallengeEntry(input: {id: $id, reason: \"sampled "
                    + "without clearance\"}) { status } }", Map.of("id", other));
            JsonObject disqualified = fan.data("challengeActivity");
            assertEquals("ENTRY_DISQUALIFIED", disqualified.getString("change"), "votes never reached the public");
            assertEquals(other, disqualified.getString("entryId"));
            assertNull(disqualified.getValue("entry"), "a disqualified entry is its entrant's and staff's");
            JsonObject staffWithdrawn = staff.data("challengeActivity");
            assertEquals("DISQUALIFIED", staffWithdrawn.getJsonObject("entry").getString("status"));
            assertEquals(1, staffWithdrawn.getJsonArray("tallies").size(), "tallies list ACTIVE entries");
        }
    }

    @Test
    void activityOfAChallengeTheCallerMayNotSeeIsRefused() throws Exception {
        String source = Content.publishedWork("draft challenge source", "ORIGINAL", null, Content.creator());
        String draft = GraphQLClient.ok(ChallengeTest.CREATE, Map.of("input", ChallengeTest.remixChallenge(source)))
                .getString("data.createChallenge.id");
        try (Subscriber anonymous = new Subscriber(endpoint, null, ACTIVITY, Map.of("c", draft))) {
            JsonObject error = anonymous.error();
            assertEquals("NOT_FOUND", error.getString("code"));
            assertEquals("challengeId", error.getString("field"));
        }
        try (Subscriber staff = new Subscriber(endpoint, Tokens.valid("live-staff", "staff"), ACTIVITY,
                Map.of("c", draft))) {
            assertEquals("CURRENT", staff.data("challengeActivity").getString("change"));
        }
    }

    /** The reads of a work's totals while one batch reaches {@code subscribers} subscribers of it. */
    private long totalsReadsForOneBatch(int subscribers, SqlStatementCounter sql) throws Exception {
        String work = Content.publishedWork("shared totals " + subscribers, "ORIGINAL", null, Content.creator());
        List<Subscriber> fans = new ArrayList<>();
        try {
            for (int i = 0; i < subscribers; i++) {
                Subscriber fan = new Subscriber(endpoint, null, ENGAGEMENT, Map.of("w", work));
                fans.add(fan);
                fan.data("workEngagement");
            }
            sql.reset();
            EngagementTest.ingestion().ok(RECORD, batch(List.of(plays(work, 9))));
            for (Subscriber fan : fans) {
                assertEquals(9, fan.data("workEngagement").getJsonObject("totals").getLong("plays"));
            }
            return sql.countContaining("coalesce((select version from engagement_version");
        } finally {
            fans.forEach(Subscriber::close);
        }
    }

    @Test
    void aWorksTotalsAreReadOncePerChangeWhateverTheNumberOfSubscribers() throws Exception {
        try (SqlStatementCounter sql = SqlStatementCounter.forApplicationDatabase()) {
            long one = totalsReadsForOneBatch(1, sql);
            long six = totalsReadsForOneBatch(6, sql);
            assertEquals(1, one, "one read for the change");
            assertEquals(one, six, "reads of the totals for 1 and for 6 subscribers");
        }
    }
}
