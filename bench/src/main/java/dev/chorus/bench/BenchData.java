package dev.chorus.bench;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;

import dev.chorus.stack.GraphQLHttp;

/**
 * The benchmark data set, written straight to the services (staff; engagement as the ingestion account):
 * {@link #CREATORS} creators with two published originals each, the first {@link #SHOWCASE} of them (genre
 * {@code showcase}) with two remixes by others and a line-up slot each, 30 days of engagement for
 * {@link #ENGAGED_WORKS} works, and an event of {@link #SEATS} seats for the registration race.
 */
final class BenchData {
    static final int CREATORS = 2000;
    static final int SHOWCASE = 50;
    static final int ENGAGED_WORKS = 1000;
    static final int DAYS = 30;
    static final int SEATS = 50;

    final List<String> creators = Collections.synchronizedList(new ArrayList<>());
    final List<String> works = Collections.synchronizedList(new ArrayList<>());
    String raceEvent;
    /** The live-seats scenario's event, like the race's. */
    String liveEvent;
    /** A remix challenge whose voting opens a few seconds after the data set is loaded, with two entries. */
    String voteChallenge;
    List<String> voteEntries = new ArrayList<>();
    OffsetDateTime votingOpensAt;
    int engagementRows;

    private final GraphQLHttp creatorService;
    private final GraphQLHttp contentService;
    private final GraphQLHttp eventsService;
    private final GraphQLHttp ingestion;

    BenchData(GraphQLHttp creatorService, GraphQLHttp contentService, GraphQLHttp eventsService, GraphQLHttp ingestion) {
        this.creatorService = creatorService;
        this.contentService = contentService;
        this.eventsService = eventsService;
        this.ingestion = ingestion;
    }

    void load() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<String> ids = parallel(pool, CREATORS, i -> creatorService.data("mutation($i: RegisterCreatorInput!) { "
                    + "registerCreator(input: $i) { id } }", Map.of("i", Map.of("handle", "bench_" + i, "displayName",
                    "Bench Creator " + i, "kind", "PERSON", "genres", List.of(i < SHOWCASE ? "showcase" : "bench"))))
                    .at("/registerCreator/id").asText());
            creators.addAll(ids);
            List<String> originals = parallel(pool, CREATORS * 2, i -> work("Bench Song " + i, "ORIGINAL", null,
                    ids.get(i / 2)));
            works.addAll(originals);
            // the showcase creators' first songs get two remixes each, by other creators
            parallel(pool, SHOWCASE * 2, i -> work("Bench Remix " + i, "REMIX", originals.get((i / 2) * 2),
                    ids.get(SHOWCASE + i)));
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            parallel(pool, DAYS, d -> {
                List<Map<String, Object>> deltas = new ArrayList<>();
                for (int w = 0; w < ENGAGED_WORKS; w++) {
                    deltas.add(Map.of("workId", originals.get(w), "plays", 100 + (w * 37 + d * 11) % 5000,
                            "likes", 5 + w % 50, "danmaku", w % 30));
                }
                return ingestion.data("mutation($i: RecordEngagementInput!) { recordEngagement(input: $i) { works } }",
                        Map.of("i", Map.of("day", today.minusDays(d).toString(), "deltas", deltas)))
                        .at("/recordEngagement/works").asText();
            });
            engagementRows = DAYS * ENGAGED_WORKS;
            String venue = eventsService.data("mutation { createVenue(input: {name: \"Bench Arena\", city: \"上海\", "
                    + "address: \"1 Bench Rd\", maxCapacity: 10000}) { id } }").at("/createVenue/id").asText();
            for (int e = 0; e < 5; e++) {
                List<Map<String, Object>> slots = new ArrayList<>();
                for (int c = e * 10; c < e * 10 + 10; c++) {
                    slots.add(Map.of("creatorId", ids.get(c), "role", "HEADLINER"));
                }
                event(venue, "Bench Show " + e, 500, slots);
            }
            raceEvent = event(venue, "Bench Race", SEATS, List.of());
            liveEvent = event(venue, "Bench Live", SEATS, List.of());
            challenge(originals.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    /** The vote race's challenge on the first showcase song, its two remixes entered; voting opens in 5 s. */
    private void challenge(String song) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        votingOpensAt = now.plusSeconds(5);
        voteChallenge = contentService.data("mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { id } }",
                Map.of("i", Map.of("title", "Bench Vote", "entryKind", "REMIX", "host", "JOINT", "sourceWorkId", song,
                        "timeZone", "Asia/Shanghai", "schedule", Map.of("announceAt", now.minusMinutes(1).toString(),
                                "submissionsOpenAt", now.minusMinutes(1).toString(), "submissionsCloseAt",
                                votingOpensAt.toString(), "votingCloseAt", now.plusHours(6).toString(), "resultsAt",
                                now.plusHours(6).toString())))).at("/createChallenge/id").asText();
        contentService.data("mutation($id: ID!) { announceChallenge(input: {id: $id}) { id } }",
                Map.of("id", voteChallenge));
        JsonNode remixes = contentService.data("query($id: ID!) { work(id: $id) { remixes(first: 2) { edges { node { id "
                + "credits { creator { ref } } } } } } }", Map.of("id", song)).at("/work/remixes/edges");
        for (JsonNode remix : remixes) {
            voteEntries.add(contentService.data("mutation($c: ID!, $w: ID!, $by: ID!) { submitChallengeEntry(input: "
                    + "{challengeId: $c, workId: $w, creatorId: $by}) { id } }", Map.of("c", voteChallenge, "w",
                            remix.at("/node/id").asText(), "by", remix.at("/node/credits/0/creator/ref").asText()))
                    .at("/submitChallengeEntry/id").asText());
        }
        if (voteEntries.size() != 2) {
            throw new IllegalStateException("the vote race needs two entries, has " + voteEntries.size());
        }
    }

    private String work(String title, String kind, String derivedFrom, String performer) {
        Map<String, Object> input = new java.util.HashMap<>(Map.of("title", title, "kind", kind, "durationSeconds", 200,
                "credits", List.of(Map.of("creatorId", performer, "role", "PERFORMER"))));
        if (derivedFrom != null) {
            input.put("derivedFromId", derivedFrom);
        }
        String id = contentService.data("mutation($i: CreateWorkInput!) { createWork(input: $i) { id } }",
                Map.of("i", input)).at("/createWork/id").asText();
        contentService.data("mutation($id: ID!) { publishWork(input: {id: $id}) { id } }", Map.of("id", id));
        return id;
    }

    private String event(String venue, String title, int capacity, List<Map<String, Object>> slots) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).truncatedTo(ChronoUnit.MINUTES);
        String id = eventsService.data("mutation($i: CreateEventInput!) { createEvent(input: $i) { id } }", Map.of("i",
                Map.of("title", title, "kind", "CONCERT", "organizer", "JOINT", "venueId", venue,
                        "startsAt", start.toString(), "endsAt", start.plusHours(3).toString(), "timeZone", "Asia/Shanghai",
                        "capacity", capacity, "opensAt", start.minusDays(10).toString(), "closesAt", start.toString())))
                .at("/createEvent/id").asText();
        if (!slots.isEmpty()) {
            eventsService.data("mutation($i: SetLineupInput!) { setLineup(input: $i) { id } }",
                    Map.of("i", Map.of("eventId", id, "slots", slots)));
        }
        eventsService.data("mutation($id: ID!) { publishEvent(input: {id: $id}) { id } }", Map.of("id", id));
        return id;
    }

    /** Runs {@code task(0..count-1)} on the pool; the answers in order. */
    private static List<String> parallel(ExecutorService pool, int count, IntFunction<String> task) throws Exception {
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            futures.add(pool.submit(() -> task.apply(n)));
        }
        List<String> answers = new ArrayList<>();
        for (Future<String> future : futures) {
            answers.add(future.get());
        }
        return answers;
    }
}
