package dev.chorus.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.chorus.test.Client;
import dev.chorus.test.GraphQLClient;
import dev.chorus.test.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class EngagementTest {
    /** The ingestion service account: the only caller that may record engagement. */
    static Client ingestion() {
        return Client.user("ingestion-tests", "ingestion");
    }

    static final String RECORD = "mutation($input: RecordEngagementInput!) { recordEngagement(input: $input) "
            + "{ day works added { plays danmaku interactions } } }";
    static final String TOTALS = "query($id: ID!) { work(id: $id) { engagement { plays likes coins favorites shares "
            + "comments danmaku interactions } } }";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private static Map<String, Object> delta(String work, int plays, int likes, int coins, int danmaku) {
        return Map.of("workId", work, "plays", plays, "likes", likes, "coins", coins, "danmaku", danmaku);
    }

    private static Map<String, Object> batch(LocalDate day, List<Map<String, Object>> deltas) {
        return Map.of("input", Map.of("day", day.toString(), "deltas", deltas));
    }

    private static Map<String, Object> batch(String batchId, LocalDate day, List<Map<String, Object>> deltas) {
        return Map.of("input", Map.of("batchId", batchId, "day", day.toString(), "deltas", deltas));
    }

    @Test
    void aBatchSentAgainWithItsIdCountsOnceAndAnswersTheFirstResult() throws Exception {
        String work = Content.publishedWork("retried", "ORIGINAL", null, Content.creator());
        String id = "batch-" + java.util.UUID.randomUUID();
        Map<String, Object> sent = batch(id, TODAY, List.of(delta(work, 7, 1, 0, 2)));
        JsonPath first = ingestion().ok(RECORD, sent);
        for (int i = 0; i < 3; i++) {
            JsonPath again = ingestion().ok(RECORD, sent);
            assertEquals(first.getMap("data.recordEngagement"), again.getMap("data.recordEngagement"));
        }
        assertEquals(7, GraphQLClient.ok(TOTALS, Map.of("id", work)).getInt("data.work.engagement.plays"));

        ingestion().fails("CONFLICT", "batchId", RECORD, batch(id, TODAY, List.of(delta(work, 8, 1, 0, 2))));
        assertEquals(7, GraphQLClient.ok(TOTALS, Map.of("id", work)).getInt("data.work.engagement.plays"));

        // ten senders at once with one id: one counts
        String racing = "race-" + java.util.UUID.randomUUID();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        try {
            List<java.util.concurrent.Future<JsonPath>> sends = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                sends.add(pool.submit(() -> ingestion().post(RECORD, batch(racing, TODAY, List.of(delta(work, 100, 0, 0, 0))))));
            }
            for (var send : sends) {
                JsonPath answer = send.get();
                assertEquals((Object) null, answer.get("errors"), answer::prettify);
                assertEquals(100, answer.getInt("data.recordEngagement.added.plays"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(107, GraphQLClient.ok(TOTALS, Map.of("id", work)).getInt("data.work.engagement.plays"));

        // a failed batch claims nothing: corrected, the same id goes through
        String failing = "fail-" + java.util.UUID.randomUUID();
        ingestion().fails("NOT_FOUND", "deltas[0].workId", RECORD,
                batch(failing, TODAY, List.of(delta(java.util.UUID.randomUUID().toString(), 1, 0, 0, 0))));
        ingestion().ok(RECORD, batch(failing, TODAY, List.of(delta(work, 1, 0, 0, 0))));
        assertEquals(108, GraphQLClient.ok(TOTALS, Map.of("id", work)).getInt("data.work.engagement.plays"));

        for (String bad : new String[] { "", "has space", "x".repeat(101), "ünïcode", "a\u200Bb" }) {
            ingestion().fails("BAD_USER_INPUT", "batchId", RECORD, batch(bad, TODAY, List.of(delta(work, 1, 0, 0, 0))));
        }
        assertEquals(108, GraphQLClient.ok(TOTALS, Map.of("id", work)).getInt("data.work.engagement.plays"));
    }

    @Test
    void batchesAddUpPerDayAndRepeatedWorksAreSummed() {
        String a = Content.publishedWork("a", "ORIGINAL", null, Content.creator());
        String b = Content.publishedWork("b", "ORIGINAL", null, Content.creator());
        JsonPath first = ingestion().ok(RECORD, batch(TODAY.minusDays(1), List.of(delta(a, 100, 10, 5, 7),
                delta(b, 50, 0, 0, 0), delta(a, 1, 1, 1, 1))));
        assertEquals(2, first.getInt("data.recordEngagement.works"));
        assertEquals(151, first.getInt("data.recordEngagement.added.plays"));
        ingestion().ok(RECORD, batch(TODAY, List.of(delta(a, 1000, 0, 0, 3))));

        JsonPath totals = GraphQLClient.ok(TOTALS, Map.of("id", a)).setRootPath("data.work.engagement");
        assertEquals(1101, totals.getInt("plays"));
        assertEquals(11, totals.getInt("likes"));
        assertEquals(11, totals.getInt("danmaku"));
        assertEquals(11 + 6 + 11, totals.getInt("interactions"));

        JsonPath series = GraphQLClient.ok("query($id: ID!, $f: Date!, $t: Date!) { work(id: $id) { "
                + "engagementSeries(from: $f, to: $t) { day counts { plays } } } }",
                Map.of("id", a, "f", TODAY.minusDays(2).toString(), "t", TODAY.toString()));
        assertEquals(List.of(TODAY.minusDays(2).toString(), TODAY.minusDays(1).toString(), TODAY.toString()),
                series.getList("data.work.engagementSeries.day"));
        assertEquals(List.of(0, 101, 1000), series.getList("data.work.engagementSeries.counts.plays"));
    }

    @Test
    void badBatchesAreRefusedWholeAndNothingIsAdded() {
        String work = Content.publishedWork("guarded", "ORIGINAL", null, Content.creator());
        ingestion().fails("BAD_USER_INPUT", "deltas[1].plays", RECORD, batch(TODAY, List.of(delta(work, 5, 0, 0, 0),
                delta(work, -1, 0, 0, 0))));
        ingestion().fails("BAD_USER_INPUT", "deltas[0].likes", RECORD, batch(TODAY, List.of(delta(work, 5, 100_000_001, 0, 0))));
        ingestion().fails("NOT_FOUND", "deltas[1].workId", RECORD, batch(TODAY, List.of(delta(work, 5, 0, 0, 0),
                delta(Content.creator(), 5, 0, 0, 0))));
        ingestion().fails("BAD_USER_INPUT", "deltas[0].workId", RECORD, batch(TODAY, List.of(delta("nope", 5, 0, 0, 0))));
        ingestion().fails("BAD_USER_INPUT", "day", RECORD, batch(TODAY.plusDays(5), List.of(delta(work, 5, 0, 0, 0))));
        ingestion().fails("BAD_USER_INPUT", "deltas", RECORD, batch(TODAY, List.of()));
        assertEquals(0, GraphQLClient.ok(TOTALS, Map.of("id", work)).getInt("data.work.engagement.plays"));
    }

    @Test
    void twentyConcurrentBatchesOnTheSameWorksLoseNoCount() throws Exception {
        List<String> works = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            works.add(Content.publishedWork("hot " + i, "ORIGINAL", null, Content.creator()));
        }
        Map<String, Long> expectedPlays = new HashMap<>();
        Map<String, Long> expectedDanmaku = new HashMap<>();
        List<Map<String, Object>> batches = new ArrayList<>();
        for (int b = 0; b < 20; b++) {
            List<Map<String, Object>> deltas = new ArrayList<>();
            for (int i = 0; i < works.size(); i++) {
                // each batch lists the works in a different order
                String work = works.get((i + b) % works.size());
                int plays = 1 + b * 13 + i;
                int danmaku = b + i;
                deltas.add(delta(work, plays, 1, 0, danmaku));
                expectedPlays.merge(work, (long) plays, Long::sum);
                expectedDanmaku.merge(work, (long) danmaku, Long::sum);
            }
            batches.add(batch(TODAY, deltas));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<JsonPath>> answers = new ArrayList<>();
            for (Map<String, Object> variables : batches) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return ingestion().post(RECORD, variables);
                }));
            }
            start.countDown();
            for (Future<JsonPath> answer : answers) {
                JsonPath response = answer.get(60, TimeUnit.SECONDS);
                assertNull(response.get("errors"), response::prettify);
            }
        } finally {
            pool.shutdownNow();
        }
        for (String work : works) {
            JsonPath totals = GraphQLClient.ok(TOTALS, Map.of("id", work)).setRootPath("data.work.engagement");
            assertEquals(expectedPlays.get(work), totals.getLong("plays"), "plays of " + work);
            assertEquals(expectedDanmaku.get(work), totals.getLong("danmaku"), "danmaku of " + work);
            assertEquals(20, totals.getLong("likes"));
        }
    }

    @Test
    void trendingAndProgrammeStatisticsOverAPeriod() {
        LocalDate day = LocalDate.of(2021, 3, 15); // a period no other test writes to
        String top = Content.publishedWork("top", "ORIGINAL", null, Content.creator());
        String second = Content.publishedWork("second", "ORIGINAL", null, Content.creator());
        ingestion().ok(RECORD, batch(day, List.of(delta(second, 500, 0, 0, 40), delta(top, 900, 5, 5, 1))));
        ingestion().ok(RECORD, batch(day.plusDays(1), List.of(delta(second, 500, 0, 0, 2))));

        JsonPath byPlays = GraphQLClient.ok("{ trendingWorks(from: \"2021-03-01\", to: \"2021-03-31\", first: 1) "
                + "{ totalCount edges { node { rank work { id } counts { plays } } } pageInfo { hasNextPage endCursor } } }");
        assertEquals(2, byPlays.getInt("data.trendingWorks.totalCount"));
        assertEquals(second, byPlays.getString("data.trendingWorks.edges[0].node.work.id"));
        assertEquals(1000, byPlays.getInt("data.trendingWorks.edges[0].node.counts.plays"));
        String cursor = byPlays.getString("data.trendingWorks.pageInfo.endCursor");
        JsonPath next = GraphQLClient.ok("query($a: String) { trendingWorks(from: \"2021-03-01\", to: \"2021-03-31\", "
                + "first: 1, after: $a) { edges { node { rank work { id } } } } }", Map.of("a", cursor));
        assertEquals(2, next.getInt("data.trendingWorks.edges[0].node.rank"));
        assertEquals(top, next.getString("data.trendingWorks.edges[0].node.work.id"));

        JsonPath byInteractions = GraphQLClient.ok("{ trendingWorks(from: \"2021-03-01\", to: \"2021-03-31\", "
                + "metric: LIKES) { edges { node { work { id } } } } }");
        assertEquals(top, byInteractions.getString("data.trendingWorks.edges[0].node.work.id"));

        JsonPath stats = GraphQLClient.ok("{ programmeStatistics(from: \"2021-02-20\", to: \"2021-03-31\") { "
                + "originalWorksPublishedByMonth { month count } engagement { plays danmaku interactions } } }")
                .setRootPath("data.programmeStatistics");
        assertEquals(List.of("2021-02", "2021-03"), stats.getList("originalWorksPublishedByMonth.month"));
        assertEquals(1900, stats.getInt("engagement.plays"));
        assertEquals(43, stats.getInt("engagement.danmaku"));
        assertEquals(53, stats.getInt("engagement.interactions"));

        GraphQLClient.fails("BAD_USER_INPUT", "to", "{ trendingWorks(from: \"2021-03-31\", to: \"2021-03-01\") { totalCount } }",
                Map.of());
    }

    @Test
    void originalsPublishedAreCountedPerMonth() {
        String month = "2019-07";
        Map<String, Object> input = Content.work("July original", "ORIGINAL", Content.creator());
        String id = Content.createWork(input);
        GraphQLClient.ok("mutation($id: ID!) { publishWork(input: {id: $id, releasedAt: \"2019-07-10T12:00:00+08:00\"}) { id } }",
                Map.of("id", id));
        String remix = Content.createWork(new HashMap<>(Map.of("title", "July remix", "kind", "REMIX", "durationSeconds", 100,
                "derivedFromId", id, "credits", List.of(Map.of("creatorId", Content.creator(), "role", "PERFORMER")))));
        GraphQLClient.ok("mutation($id: ID!) { publishWork(input: {id: $id, releasedAt: \"2019-07-11T12:00:00+08:00\"}) { id } }",
                Map.of("id", remix));
        JsonPath stats = GraphQLClient.ok("{ programmeStatistics(from: \"2019-07-01\", to: \"2019-07-31\") { "
                + "originalWorksPublishedByMonth { month count } } }");
        assertEquals(List.of(month), stats.getList("data.programmeStatistics.originalWorksPublishedByMonth.month"));
        assertEquals(List.of(1), stats.getList("data.programmeStatistics.originalWorksPublishedByMonth.count"));
    }
}
