package dev.chorus.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.chorus.postgres.EmbeddedPostgresServer;
import dev.chorus.test.Subscriber;
import dev.chorus.test.hostile.DatabaseDigest;
import dev.chorus.test.hostile.HostileRequests;
import dev.chorus.test.hostile.HostileSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The real stack, started as {@code ./chorus up} starts it (demo data included), queried only through the
 * gateway.
 */
class EndToEndTest {
    static final Duration UPSTREAM_TIMEOUT = Duration.ofSeconds(3);
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path STATE = Path.of("target", "e2e-state").toAbsolutePath();
    static LocalStack stack;
    /** The gateway as programme staff, who set up what the tests read; {@link #anonymous} has no token. */
    static GraphQLHttp gateway;
    static GraphQLHttp anonymous;

    @BeforeAll
    static void startTheStack() {
        stack = LocalStack.start(LocalStack.Settings.forTests(ROOT, STATE,
                UPSTREAM_TIMEOUT), line -> System.out.println("[stack] " + line));
        gateway = stack.gatewayAs("staff", "e2e-staff", null);
        anonymous = new GraphQLHttp(stack.gatewayUrl());
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    static String register(String handle, String name, String genre) {
        return gateway.data("mutation($i: RegisterCreatorInput!) { registerCreator(input: $i) { id } }",
                Map.of("i", Map.of("handle", handle, "displayName", name, "kind", "PERSON", "genres", List.of(genre))))
                .at("/registerCreator/id").asText();
    }

    static String publishedWork(String title, String kind, String derivedFrom, List<Map<String, Object>> credits) {
        Map<String, Object> input = new HashMap<>(Map.of("title", title, "kind", kind, "durationSeconds", 200,
                "credits", credits));
        if (derivedFrom != null) {
            input.put("derivedFromId", derivedFrom);
        }
        String id = gateway.data("mutation($i: CreateWorkInput!) { createWork(input: $i) { id } }", Map.of("i", input))
                .at("/createWork/id").asText();
        gateway.data("mutation($id: ID!) { publishWork(input: {id: $id}) { status } }", Map.of("id", id));
        return id;
    }

    static Map<String, Object> credit(String creator, String role) {
        return Map.of("creatorId", creator, "role", role);
    }

    static String publishedEvent(String title, String venue, List<Map<String, Object>> lineup, List<String> setlist) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).truncatedTo(ChronoUnit.MINUTES);
        String id = gateway.data("mutation($i: CreateEventInput!) { createEvent(input: $i) { id } }", Map.of("i", Map.of(
                "title", title, "kind", "CONCERT", "organizer", "JOINT", "venueId", venue,
                "startsAt", start.toString(), "endsAt", start.plusHours(2).toString(), "timeZone", "Asia/Shanghai",
                "capacity", 100, "opensAt", start.minusDays(5).toString(), "closesAt", start.toString())))
                .at("/createEvent/id").asText();
        gateway.data("mutation($i: SetLineupInput!) { setLineup(input: $i) { id } }",
                Map.of("i", Map.of("eventId", id, "slots", lineup)));
        gateway.data("mutation($i: SetSetlistInput!) { setSetlist(input: $i) { id } }",
                Map.of("i", Map.of("eventId", id, "workIds", setlist)));
        gateway.data("mutation($id: ID!) { publishEvent(input: {id: $id}) { status } }", Map.of("id", id));
        return id;
    }

    static String venue() {
        return gateway.data("mutation { createVenue(input: {name: \"E2E Hall\", city: \"上海\", address: \"1 Test Rd\", "
                + "maxCapacity: 500}) { id } }").at("/createVenue/id").asText();
    }

    static final String CROSS = """
            query($id: ID!, $work: ID!) {
              creator(id: $id) {
                handle tier
                platformAccounts { platform externalId }
                works(first: 10) { edges { node { title
                  remixes { edges { node { title credits { role creator { handle tier } } } } } } } }
                albums { edges { node { title boutique } } }
                performances(upcoming: true) { edges { node { role
                  event { title seatsRemaining venue { name city { name localName } } } } } }
              }
              work(id: $work) { performedAt { edges { node { title } } } }
            }""";

    @Test
    void oneQuerySpansAllThreeSubgraphsAndMutationsReadBack() {
        String genre = unique("e2e");
        String artist = register(unique("artist"), "周深测试", genre);
        String remixer = register(unique("remixer"), "Remixer Test", genre);
        gateway.data("mutation($id: ID!) { linkPlatformAccount(input: {creatorId: $id, platform: BILIBILI, externalId: \"98765\"}) { id } }",
                Map.of("id", artist));
        gateway.data("mutation($id: ID!) { changeCreatorTier(input: {id: $id, tier: RISING, reason: \"e2e\"}) { tier } }",
                Map.of("id", remixer));
        String song = publishedWork("大鱼 E2E", "ORIGINAL", null, List.of(credit(artist, "PERFORMER")));
        publishedWork("大鱼 E2E (Remix)", "REMIX", song, List.of(credit(remixer, "REMIXER"), credit(remixer, "PERFORMER")));
        gateway.data("mutation($i: CreateAlbumInput!) { createAlbum(input: $i) { id } }", Map.of("i", Map.of(
                "title", "E2E Album", "kind", "SINGLE", "boutique", true, "primaryArtistIds", List.of(artist),
                "trackWorkIds", List.of(song))));
        String event = publishedEvent("E2E 音乐会", venue(), List.of(credit(artist, "HEADLINER")), List.of(song));
        JsonNode registration = stack.gatewayAs("user", "e2e-fan", null).data("mutation($e: ID!) { registerForEvent("
                + "input: {eventId: $e}) { status queueNumber attendeeId } }", Map.of("e", event)).get("registerForEvent");
        assertEquals("CONFIRMED", registration.get("status").asText());
        assertEquals("e2e-fan", registration.get("attendeeId").asText());

        JsonNode data = gateway.data(CROSS, Map.of("id", artist, "work", song));
        JsonNode creator = data.get("creator");
        assertEquals("EMERGING", creator.get("tier").asText());
        assertEquals("98765", creator.at("/platformAccounts/0/externalId").asText());
        JsonNode work = creator.at("/works/edges/0/node");
        assertEquals("大鱼 E2E", work.get("title").asText());
        JsonNode remix = work.at("/remixes/edges/0/node");
        assertEquals("大鱼 E2E (Remix)", remix.get("title").asText());
        assertEquals("REMIXER", remix.at("/credits/0/role").asText());
        assertTrue(remix.at("/credits/0/creator/handle").asText().startsWith("remixer_"));
        assertEquals("RISING", remix.at("/credits/0/creator/tier").asText());
        assertEquals("E2E Album", creator.at("/albums/edges/0/node/title").asText());
        JsonNode performance = creator.at("/performances/edges/0/node");
        assertEquals("HEADLINER", performance.get("role").asText());
        assertEquals("E2E 音乐会", performance.at("/event/title").asText());
        assertEquals(99, performance.at("/event/seatsRemaining").asInt());
        assertEquals("上海", performance.at("/event/venue/city/localName").asText());
        assertEquals("Shanghai", performance.at("/event/venue/city/name").asText());
        assertEquals("E2E 音乐会", data.at("/work/performedAt/edges/0/node/title").asText());
    }

    @Test
    void eachSubgraphIsAskedOncePerLevelWhateverTheListSizes() throws Exception {
        String genre = unique("level");
        String venue = venue();
        for (int i = 0; i < 5; i++) {
            String artist = register(unique("lvl" + i), "Level " + i, genre);
            String song = publishedWork("Level song " + i, "ORIGINAL", null, List.of(credit(artist, "PERFORMER")));
            for (int r = 0; r <= i; r++) {
                String remixer = register(unique("lvlremix"), "Remixer " + r, unique("other"));
                publishedWork("Level remix " + i + "/" + r, "REMIX", song, List.of(credit(remixer, "REMIXER"),
                        credit(remixer, "PERFORMER")));
            }
            publishedEvent("Level show " + i, venue, List.of(credit(artist, "HEADLINER")), List.of(song));
        }
        String query = """
                query($g: String!, $n: Int!) { creators(filter: {genre: $g}, first: $n) { edges { node { handle
                  works { edges { node { title remixes { edges { node { credits { creator { handle } } } } } } } }
                  performances(upcoming: true) { edges { node { event { title venue { name } } } } } } } } }""";
        Map<String, Long> one = subgraphRequests(() -> gateway.data(query, Map.of("g", genre, "n", 1)));
        Map<String, Long> five = subgraphRequests(() -> {
            JsonNode data = gateway.data(query, Map.of("g", genre, "n", 5));
            assertEquals(5, data.at("/creators/edges").size());
            int remixes = 0;
            for (JsonNode edge : data.at("/creators/edges")) {
                remixes += edge.at("/node/works/edges/0/node/remixes/edges").size();
            }
            assertEquals(15, remixes, "1 + 2 + 3 + 4 + 5 remixes");
        });
        assertEquals(one, five, "requests per subgraph for 1 creator and for 5");
        assertTrue(five.values().stream().allMatch(n -> n >= 1), five::toString);
    }

    /** How many GraphQL requests each service received while {@code action} ran, from its own metrics. */
    static Map<String, Long> subgraphRequests(ThrowingRunnable action) throws Exception {
        Map<String, Long> before = new LinkedHashMap<>();
        for (LocalStack.Service service : LocalStack.SERVICES) {
            before.put(service.name(), graphqlRequests(service.name()));
        }
        action.run();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (LocalStack.Service service : LocalStack.SERVICES) {
            counts.put(service.name(), graphqlRequests(service.name()) - before.get(service.name()));
        }
        return counts;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    static long graphqlRequests(String service) throws IOException, InterruptedException {
        URI metrics = stack.serviceUrl(service).resolve("/q/metrics");
        String text = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
        double total = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("http_server_requests_seconds_count{") && line.contains("uri=\"/graphql\"")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Math.round(total);
    }

    @Test
    void aStoppedSubgraphCostsOnlyItsPartAndComesBackWhole() {
        String artist = register(unique("resilient"), "Resilient", unique("g"));
        String query = "query($id: ID!) { creator(id: $id) { handle performances { totalCount } } }";
        assertFalse(gateway.post(query, Map.of("id", artist)).hasNonNull("errors"));

        stack.stopService("events-service");
        try {
            long started = System.nanoTime();
            JsonNode partial = gateway.post(query, Map.of("id", artist));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(partial.at("/data/creator/handle").asText().startsWith("resilient_"), partial::toString);
            assertTrue(partial.hasNonNull("errors"), partial::toString);
            assertEquals("events", partial.at("/errors/0/extensions/subgraph").asText(), partial::toString);
            assertEquals("UNAVAILABLE", partial.at("/errors/0/extensions/code").asText(), partial::toString);
            assertTrue(partial.at("/data/creator/performances").isNull(), partial::toString);
            assertFalse(partial.toString().contains("ECONNREFUSED"), "no internals: " + partial);
            assertTrue(took.compareTo(UPSTREAM_TIMEOUT.plusSeconds(5)) < 0, "answered in " + took);
            // root fields are nullable: one subgraph's failing root field leaves the others' in the answer
            JsonNode roots = gateway.post("{ creators(first: 1) { totalCount } events(first: 1) { totalCount } }",
                    Map.of());
            assertTrue(roots.at("/data/creators/totalCount").asInt() > 0, roots::toString);
            assertTrue(roots.at("/data/events").isNull(), roots::toString);
            assertEquals("UNAVAILABLE", roots.at("/errors/0/extensions/code").asText(), roots::toString);
        } finally {
            stack.startService("events-service");
        }
        JsonNode whole = gateway.post(query, Map.of("id", artist));
        assertFalse(whole.hasNonNull("errors"), whole::toString);
        assertEquals(0, whole.at("/data/creator/performances/totalCount").asInt());
    }

    @Test
    void aSubgraphsErrorReachesTheClientWithItsCodeAndField() {
        String handle = unique("taken");
        register(handle, "First", unique("g"));
        JsonNode conflict = gateway.post("mutation($h: String!) { registerCreator(input: {handle: $h, displayName: \"x\", "
                + "kind: PERSON}) { id } }", Map.of("h", handle));
        assertEquals("CONFLICT", conflict.at("/errors/0/extensions/code").asText(), conflict::toString);
        assertEquals("handle", conflict.at("/errors/0/extensions/field").asText(), conflict::toString);
    }

    /** Every mutation of the graph, with valid literal arguments naming things that do not exist. */
    static final Map<String, String> MUTATIONS = mutations();

    static Map<String, String> mutations() {
        String id = "\"" + UUID.randomUUID() + "\"";
        String at = "\"" + OffsetDateTime.now(ZoneOffset.UTC).plusDays(9).truncatedTo(ChronoUnit.SECONDS) + "\"";
        Map<String, String> m = new LinkedHashMap<>();
        m.put("registerCreator", "registerCreator(input: {handle: \"nobody_x\", displayName: \"N\", kind: PERSON}) { id }");
        m.put("updateCreatorProfile", "updateCreatorProfile(input: {id: " + id + ", bio: \"b\"}) { id }");
        m.put("linkPlatformAccount", "linkPlatformAccount(input: {creatorId: " + id + ", platform: BILIBILI, externalId: \"1\"}) { id }");
        m.put("unlinkPlatformAccount", "unlinkPlatformAccount(input: {creatorId: " + id + ", platform: BILIBILI}) { id }");
        m.put("verifyCreator", "verifyCreator(input: {id: " + id + "}) { id }");
        m.put("changeCreatorTier", "changeCreatorTier(input: {id: " + id + ", tier: RISING, reason: \"r\"}) { id }");
        m.put("suspendCreator", "suspendCreator(input: {id: " + id + ", reason: \"r\"}) { id }");
        m.put("reinstateCreator", "reinstateCreator(input: {id: " + id + "}) { id }");
        m.put("createWork", "createWork(input: {title: \"t\", kind: ORIGINAL, durationSeconds: 100, credits: [{creatorId: "
                + id + ", role: PERFORMER}]}) { id }");
        m.put("updateWork", "updateWork(input: {id: " + id + ", title: \"t\"}) { id }");
        m.put("publishWork", "publishWork(input: {id: " + id + "}) { id }");
        m.put("withdrawWork", "withdrawWork(input: {id: " + id + "}) { id }");
        m.put("createAlbum", "createAlbum(input: {title: \"a\", kind: EP, primaryArtistIds: [" + id + "]}) { id }");
        m.put("updateAlbum", "updateAlbum(input: {id: " + id + ", title: \"a\"}) { id }");
        m.put("scheduleAlbum", "scheduleAlbum(input: {id: " + id + ", releaseDate: \"2099-01-01\"}) { id }");
        m.put("releaseAlbum", "releaseAlbum(input: {id: " + id + "}) { id }");
        m.put("inviteRemix", "inviteRemix(input: {workId: " + id + ", creatorId: " + id + "}) { id }");
        m.put("acceptRemixInvitation", "acceptRemixInvitation(input: {id: " + id + "}) { id }");
        m.put("declineRemixInvitation", "declineRemixInvitation(input: {id: " + id + "}) { id }");
        m.put("expireRemixInvitation", "expireRemixInvitation(input: {id: " + id + "}) { id }");
        m.put("deliverRemix", "deliverRemix(input: {id: " + id + ", remixWorkId: " + id + "}) { id }");
        m.put("distribute", "distribute(input: {workId: " + id + ", platform: BILIBILI}) { id }");
        m.put("markDistributionLive", "markDistributionLive(input: {id: " + id + ", externalId: \"BV1xx411c7mD\"}) { id }");
        m.put("takeDownDistribution", "takeDownDistribution(input: {id: " + id + "}) { id }");
        m.put("recordEngagement", "recordEngagement(input: {day: \"2026-01-01\", deltas: [{workId: " + id
                + ", plays: 1}]}) { works }");
        m.put("addCity", "addCity(input: {name: \"n\", localName: \"l\"}) { id }");
        m.put("createVenue", "createVenue(input: {name: \"v\", city: \"c\", address: \"a\", maxCapacity: 10}) { id }");
        m.put("createEvent", "createEvent(input: {title: \"e\", kind: CONCERT, organizer: JOINT, venueId: " + id
                + ", startsAt: " + at + ", endsAt: " + at + ", timeZone: \"Asia/Shanghai\", capacity: 1, opensAt: "
                + at + ", closesAt: " + at + "}) { id }");
        m.put("updateEvent", "updateEvent(input: {id: " + id + ", title: \"e\"}) { id }");
        m.put("publishEvent", "publishEvent(input: {id: " + id + "}) { id }");
        m.put("cancelEvent", "cancelEvent(input: {id: " + id + "}) { id }");
        m.put("completeEvent", "completeEvent(input: {id: " + id + "}) { id }");
        m.put("setLineup", "setLineup(input: {eventId: " + id + ", slots: []}) { id }");
        m.put("setSetlist", "setSetlist(input: {eventId: " + id + ", workIds: []}) { id }");
        m.put("registerForEvent", "registerForEvent(input: {eventId: " + id + "}) { id }");
        m.put("cancelRegistration", "cancelRegistration(input: {id: " + id + "}) { id }");
        m.put("checkIn", "checkIn(input: {id: " + id + "}) { id }");
        String later = "\"" + OffsetDateTime.now(ZoneOffset.UTC).plusDays(19).truncatedTo(ChronoUnit.SECONDS) + "\"";
        m.put("createChallenge", "createChallenge(input: {title: \"c\", entryKind: ORIGINAL, host: JOINT, timeZone: "
                + "\"Asia/Shanghai\", schedule: {announceAt: " + at + ", submissionsOpenAt: " + at + ", submissionsCloseAt: "
                + later + ", votingCloseAt: \"2099-01-01T00:00:00Z\", resultsAt: \"2099-01-02T00:00:00Z\"}}) { id }");
        m.put("updateChallenge", "updateChallenge(input: {id: " + id + ", title: \"t\"}) { id }");
        m.put("announceChallenge", "announceChallenge(input: {id: " + id + "}) { id }");
        m.put("cancelChallenge", "cancelChallenge(input: {id: " + id + ", reason: \"r\"}) { id }");
        m.put("submitChallengeEntry", "submitChallengeEntry(input: {challengeId: " + id + ", workId: " + id + "}) { id }");
        m.put("withdrawChallengeEntry", "withdrawChallengeEntry(input: {id: " + id + "}) { id }");
        m.put("disqualifyChallengeEntry", "disqualifyChallengeEntry(input: {id: " + id + ", reason: \"r\"}) { id }");
        m.put("castChallengeVote", "castChallengeVote(input: {challengeId: " + id + ", entryId: " + id + "}) { castAt }");
        m.put("setChallengeCriteria", "setChallengeCriteria(input: {challengeId: " + id + ", criteria: [{name: \"n\", "
                + "weight: 1, maxScore: 1}]}) { id }");
        m.put("appointChallengeJudge", "appointChallengeJudge(input: {challengeId: " + id + ", subject: \"s\"}) { subject }");
        m.put("removeChallengeJudge", "removeChallengeJudge(input: {challengeId: " + id + ", subject: \"s\"})");
        m.put("scoreChallengeEntry", "scoreChallengeEntry(input: {entryId: " + id + ", scores: []}) { score }");
        m.put("publishChallengeResults", "publishChallengeResults(input: {id: " + id + "}) { id }");
        m.put("setChallengePrizes", "setChallengePrizes(input: {challengeId: " + id + ", prizes: [{rank: 1, kind: "
                + "MV_PRODUCTION, description: \"d\"}]}) { id }");
        m.put("fulfilChallengePrize", "fulfilChallengePrize(input: {awardId: " + id + "}) { id }");
        m.put("forfeitChallengePrize", "forfeitChallengePrize(input: {awardId: " + id + "}) { id }");
        m.put("openProduction", "openProduction(input: {workId: " + id + ", artistId: " + id + ", selectionReason: "
                + "\"r\"}) { id }");
        m.put("shortlistProductionDirectors", "shortlistProductionDirectors(input: {productionId: " + id
                + ", directorIds: [" + id + "]}) { id }");
        m.put("submitProductionPitch", "submitProductionPitch(input: {productionId: " + id + ", title: \"t\", "
                + "treatment: \"t\"}) { id }");
        m.put("approveProductionPitch", "approveProductionPitch(input: {productionId: " + id + ", directorId: " + id
                + "}) { id }");
        m.put("approveProductionBudget", "approveProductionBudget(input: {productionId: " + id + ", amount: 1, "
                + "currency: \"CNY\"}) { id }");
        for (String step : List.of("startPreProduction", "startShooting", "startEditing", "releaseProduction")) {
            m.put(step, step + "(input: {productionId: " + id + "}) { id }");
        }
        m.put("addProductionCut", "addProductionCut(input: {productionId: " + id + ", url: \"https://x.example\"}) "
                + "{ id }");
        m.put("leaveCutFeedback", "leaveCutFeedback(input: {cutId: " + id + ", note: \"n\"}) { note }");
        m.put("deliverProduction", "deliverProduction(input: {productionId: " + id + ", finalCutId: " + id
                + ", videoWorkId: " + id + "}) { id }");
        m.put("cancelProduction", "cancelProduction(input: {productionId: " + id + ", reason: \"r\"}) { id }");
        m.put("setProductionDueDates", "setProductionDueDates(input: {productionId: " + id + ", dueDates: []}) { id }");
        return m;
    }

    static final String CHALLENGE = """
            query($id: ID!) {
              challenge(id: $id) {
                title phase topicTag
                sourceWork { title }
                entries(first: 10) { totalCount edges { node { id work { title } entrant { displayName tier } } } }
                prizes { rank kind amount currency event { title venue { name } } award { id state entry { id } } }
                results { rank votes juryScore score entry { id entrant { displayName } } }
              }
            }""";

    /**
     * A challenge run as programme staff would, only through the gateway and on the server's clock: created with
     * prizes (one a concert slot at a published event, one at a draft event), criteria and a judge; announced;
     * entered; voted on; judged; published; its prizes fulfilled and forfeited. The phases follow a schedule of a
     * few seconds.
     */
    @Test
    void aChallengeRunsEndToEndThroughTheGateway() throws Exception {
        String genre = unique("contest");
        String artist = register(unique("singer"), "晚风歌手", genre);
        String song = publishedWork("晚风告白 E2E", "ORIGINAL", null, List.of(credit(artist, "PERFORMER")));
        List<String> remixers = new ArrayList<>();
        List<String> remixes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String remixer = register(unique("remixer"), "混音师 " + i, genre);
            remixers.add(remixer);
            remixes.add(publishedWork("晚风告白 Remix " + i, "REMIX", song, List.of(credit(remixer, "REMIXER"),
                    credit(remixer, "PERFORMER"))));
        }
        String venue = venue();
        String concert = publishedEvent("E2E 颁奖音乐会", venue, List.of(credit(artist, "HEADLINER")), List.of(song));
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(4).truncatedTo(ChronoUnit.MINUTES);
        String draftEvent = gateway.data("mutation($i: CreateEventInput!) { createEvent(input: $i) { id } }", Map.of("i",
                Map.of("title", "未公布的演出", "kind", "CONCERT", "organizer", "JOINT", "venueId", venue,
                        "startsAt", start.toString(), "endsAt", start.plusHours(2).toString(), "timeZone", "Asia/Shanghai",
                        "capacity", 50, "opensAt", start.minusDays(2).toString(), "closesAt", start.toString())))
                .at("/createEvent/id").asText();

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime close = now.plusSeconds(12);
        OffsetDateTime votingClose = close.plusSeconds(6);
        String challenge = gateway.data("mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { id } }",
                Map.of("i", Map.of("title", "晚风告白 Remix 挑战 E2E", "entryKind", "REMIX", "host", "JOINT",
                        "topicTag", "#晚风告白Remix", "sourceWorkId", song, "timeZone", "Asia/Shanghai",
                        "schedule", Map.of("announceAt", now.minusMinutes(1).toString(),
                                "submissionsOpenAt", now.minusMinutes(1).toString(), "submissionsCloseAt", close.toString(),
                                "votingCloseAt", votingClose.toString(), "resultsAt", votingClose.toString()))))
                .at("/createChallenge/id").asText();
        gateway.data("mutation($c: ID!, $p: [ChallengePrizeInput!]!) { setChallengePrizes(input: {challengeId: $c, "
                + "prizes: $p}) { id } }", Map.of("c", challenge, "p", List.of(
                        Map.of("rank", 1, "kind", "CASH", "description", "奖金", "amount", 5000, "currency", "CNY"),
                        Map.of("rank", 1, "kind", "CONCERT_SLOT", "description", "颁奖音乐会演出", "eventId", concert),
                        Map.of("rank", 2, "kind", "CONCERT_SLOT", "description", "神秘演出", "eventId", draftEvent))));
        List<String> criteria = new ArrayList<>();
        gateway.data("mutation($c: ID!) { setChallengeCriteria(input: {challengeId: $c, criteria: [{name: \"创意\", "
                + "weight: 1, maxScore: 10}]}) { id } }", Map.of("c", challenge)).at("/setChallengeCriteria")
                .forEach(k -> criteria.add(k.get("id").asText()));
        gateway.data("mutation($c: ID!) { appointChallengeJudge(input: {challengeId: $c, subject: \"e2e-judge\"}) "
                + "{ subject } }", Map.of("c", challenge));
        assertEquals("UNAUTHENTICATED", code(anonymous.post("mutation($id: ID!) { announceChallenge(input: {id: $id}) "
                + "{ phase } }", Map.of("id", challenge))));
        assertEquals("OPEN", gateway.data("mutation($id: ID!) { announceChallenge(input: {id: $id}) { phase } }",
                Map.of("id", challenge)).at("/announceChallenge/phase").asText());

        // a fan watching the challenge live, through the gateway, anonymous
        Subscriber watcher = new Subscriber(stack.gatewayUrl(), null, "subscription($c: ID!) { challengeActivity("
                + "challengeId: $c) { change entryId tallies { votes } entry { entrant { displayName } } } }",
                Map.of("c", challenge));
        assertEquals("CURRENT", watcher.data("challengeActivity").getString("change"));
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            entries.add(stack.gatewayAs("creator", "e2e-remixer-" + i, remixers.get(i)).data("mutation($c: ID!, $w: ID!) "
                    + "{ submitChallengeEntry(input: {challengeId: $c, workId: $w}) { id } }",
                    Map.of("c", challenge, "w", remixes.get(i))).at("/submitChallengeEntry/id").asText());
        }
        try (watcher) {
            for (int i = 0; i < 3; i++) {
                io.vertx.core.json.JsonObject submitted = watcher.data("challengeActivity");
                while ("CURRENT".equals(submitted.getString("change"))) {
                    // the state again: the first subscriber of a service process may get it twice (its listener
                    // starting after the first read; see ChallengeActivityChange.CURRENT)
                    submitted = watcher.data("challengeActivity");
                }
                assertEquals("ENTRY_SUBMITTED", submitted.getString("change"));
                assertEquals(entries.get(i), submitted.getString("entryId"));
                assertEquals("混音师 " + i, submitted.getJsonObject("entry").getJsonObject("entrant")
                        .getString("displayName"), "creator-service's field in each message");
                assertNull(submitted.getValue("tallies"), "tallies are staff's until the results");
            }
        }
        JsonNode open = anonymous.data(CHALLENGE, Map.of("id", challenge)).get("challenge");
        assertEquals("OPEN", open.get("phase").asText());
        assertEquals(3, open.at("/entries/totalCount").asInt());
        assertEquals("混音师 0", open.at("/entries/edges/0/node/entrant/displayName").asText(), "across the subgraphs");
        assertEquals("EMERGING", open.at("/entries/edges/0/node/entrant/tier").asText());
        assertEquals("E2E 颁奖音乐会", open.at("/prizes/1/event/title").asText(), "the concert a prize names");
        assertEquals("E2E Hall", open.at("/prizes/1/event/venue/name").asText());
        assertTrue(open.at("/prizes/2/event").isNull(), "a draft event stays hidden behind a prize");
        assertEquals("未公布的演出", gateway.data(CHALLENGE, Map.of("id", challenge))
                .at("/challenge/prizes/2/event/title").asText(), "staff see it");
        assertTrue(open.get("results").isNull());

        awaitPhase(challenge, "VOTING", close);
        // votes: entry 2 gets three, entry 0 two, entry 1 one; one voter sends twice
        String[] votes = { "2", "2", "2", "0", "0", "1" };
        for (int i = 0; i < votes.length; i++) {
            GraphQLHttp voter = stack.gatewayAs("user", "e2e-voter-" + i, null);
            for (int twice = 0; twice < (i == 0 ? 2 : 1); twice++) {
                voter.data("mutation($c: ID!, $e: ID!) { castChallengeVote(input: {challengeId: $c, entryId: $e}) "
                        + "{ castAt } }", Map.of("c", challenge, "e", entries.get(Integer.parseInt(votes[i]))));
            }
        }
        awaitPhase(challenge, "JUDGING", votingClose);
        GraphQLHttp judge = stack.gatewayAs("user", "e2e-judge", null);
        for (int i = 0; i < 3; i++) {
            judge.data("mutation($e: ID!, $k: ID!, $v: Int!) { scoreChallengeEntry(input: {entryId: $e, scores: "
                    + "[{criterionId: $k, score: $v}]}) { score } }", Map.of("e", entries.get(i), "k", criteria.get(0),
                            "v", 10 - i));
        }
        assertEquals("FORBIDDEN", code(stack.gatewayAs("creator", "e2e-remixer-0", remixers.get(0)).post(
                "mutation($id: ID!) { publishChallengeResults(input: {id: $id}) { phase } }", Map.of("id", challenge))));
        assertEquals("RESULTS", gateway.data("mutation($id: ID!) { publishChallengeResults(input: {id: $id}) "
                + "{ phase } }", Map.of("id", challenge)).at("/publishChallengeResults/phase").asText());

        JsonNode done = anonymous.data(CHALLENGE, Map.of("id", challenge)).get("challenge");
        assertEquals(entries.get(2), done.at("/results/0/entry/id").asText(), "most votes");
        assertEquals(3, done.at("/results/0/votes").asInt(), "a vote sent twice counts once");
        assertEquals("混音师 2", done.at("/results/0/entry/entrant/displayName").asText());
        assertEquals(entries.get(2), done.at("/prizes/0/award/entry/id").asText());
        assertEquals(entries.get(0), done.at("/prizes/2/award/entry/id").asText(), "rank 2's prize");

        String cash = done.at("/prizes/0/award/id").asText();
        String slot = done.at("/prizes/1/award/id").asText();
        String fulfil = "mutation($a: ID!) { fulfilChallengePrize(input: {awardId: $a, note: \"paid\"}) { award { state } } }";
        assertEquals("FORBIDDEN", code(stack.gatewayAs("creator", "e2e-remixer-2", remixers.get(2)).post(fulfil,
                Map.of("a", cash))));
        assertEquals("FULFILLED", gateway.data(fulfil, Map.of("a", cash)).at("/fulfilChallengePrize/award/state").asText());
        JsonNode passed = gateway.data("mutation($a: ID!) { forfeitChallengePrize(input: {awardId: $a, note: \"no "
                + "answer\"}) { award { state entry { id } } awards { state } } }", Map.of("a", slot))
                .get("forfeitChallengePrize");
        assertEquals(entries.get(0), passed.at("/award/entry/id").asText(), "the slot passes to rank 2");
        assertEquals("FORFEITED", passed.at("/awards/0/state").asText());
        assertEquals("CONFLICT", code(gateway.post(fulfil, Map.of("a", cash))), "fulfilled once");
    }

    /**
     * A music-video production run from brief to release only through the gateway: the artist and the director
     * sign in as themselves; the released production shows the director's profile from creator-service to anyone.
     */
    @Test
    void aProductionRunsFromBriefToReleaseThroughTheGateway() {
        String genre = unique("mv");
        String artist = register(unique("mvartist"), "MV 歌手", genre);
        String director = register(unique("director"), "导演 E2E", genre);
        String song = publishedWork("MV 之歌 E2E", "ORIGINAL", null, List.of(credit(artist, "PERFORMER")));
        GraphQLHttp asArtist = stack.gatewayAs("creator", "e2e-mv-artist", artist);
        GraphQLHttp asDirector = stack.gatewayAs("creator", "e2e-mv-director", director);
        String id = gateway.data("mutation($w: ID!, $a: ID!) { openProduction(input: {workId: $w, artistId: $a, "
                + "selectionReason: \"e2e\", brief: \"夜景\"}) { id } }", Map.of("w", song, "a", artist))
                .at("/openProduction/id").asText();
        String get = "query($id: ID!) { production(id: $id) { stage brief song { title } artist { displayName } "
                + "director { displayName handle } video { title } history { to actor } } }";
        assertTrue(anonymous.data(get, Map.of("id", id)).get("production").isNull(), "not released: hidden");
        gateway.data("mutation($p: ID!, $d: String!) { shortlistProductionDirectors(input: {productionId: $p, directorIds: "
                + "[$d]}) { id } }", Map.of("p", id, "d", director));
        asDirector.data("mutation($p: ID!) { submitProductionPitch(input: {productionId: $p, title: \"霓虹\", "
                + "treatment: \"长镜头\"}) { id } }", Map.of("p", id));
        gateway.data("mutation($p: ID!, $d: ID!) { approveProductionPitch(input: {productionId: $p, directorId: $d}) "
                + "{ id } }", Map.of("p", id, "d", director));
        gateway.data("mutation($p: ID!) { approveProductionBudget(input: {productionId: $p, amount: 50000, currency: "
                + "\"CNY\"}) { id } }", Map.of("p", id));
        for (String step : List.of("startPreProduction", "startShooting", "startEditing")) {
            gateway.data("mutation($p: ID!) { " + step + "(input: {productionId: $p}) { id } }", Map.of("p", id));
        }
        String cut = asDirector.data("mutation($p: ID!) { addProductionCut(input: {productionId: $p, url: "
                + "\"https://cuts.example/e2e\"}) { id } }", Map.of("p", id)).at("/addProductionCut/id").asText();
        asArtist.data("mutation($c: ID!) { leaveCutFeedback(input: {cutId: $c, note: \"完美\"}) { note } }",
                Map.of("c", cut));
        String video = publishedWork("MV 之歌 E2E MV", "MUSIC_VIDEO", song, List.of(credit(director, "DIRECTOR"),
                credit(artist, "PERFORMER")));
        gateway.data("mutation($p: ID!, $c: ID!, $v: ID!) { deliverProduction(input: {productionId: $p, finalCutId: $c, "
                + "videoWorkId: $v}) { id } }", Map.of("p", id, "c", cut, "v", video));
        assertEquals("CONFLICT", code(gateway.post("mutation($p: ID!) { releaseProduction(input: {productionId: $p}) "
                + "{ id } }", Map.of("p", id))), "not LIVE anywhere yet");
        String distribution = gateway.data("mutation($w: ID!) { distribute(input: {workId: $w, platform: QQ_MUSIC}) "
                + "{ id } }", Map.of("w", video)).at("/distribute/id").asText();
        gateway.data("mutation($id: ID!) { markDistributionLive(input: {id: $id, externalId: \"003E2EMV01\"}) { id } }",
                Map.of("id", distribution));
        gateway.data("mutation($p: ID!) { releaseProduction(input: {productionId: $p}) { id } }", Map.of("p", id));

        JsonNode released = anonymous.data(get, Map.of("id", id)).get("production");
        assertEquals("RELEASED", released.get("stage").asText());
        assertEquals("导演 E2E", released.at("/director/displayName").asText(), "the director's profile, across");
        assertEquals("MV 歌手", released.at("/artist/displayName").asText());
        assertEquals("MV 之歌 E2E MV", released.at("/video/title").asText());
        assertTrue(released.get("brief").isNull() && released.get("history").isNull(), "the rest is not public");
        JsonNode staffView = gateway.data(get, Map.of("id", id)).get("production");
        assertEquals(8, staffView.get("history").size());
        assertEquals("e2e-staff", staffView.at("/history/0/actor").asText());
        JsonNode directorView = asDirector.data("query($id: ID!) { production(id: $id) { cuts { feedback { author } } "
                + "} }", Map.of("id", id)).get("production");
        assertEquals("e2e-mv-artist", directorView.at("/cuts/0/feedback/0/author").asText(), "the crew sees the cuts");
    }

    /**
     * A subscription through the gateway over WebSocket (graphql-transport-ws): the seats of an event, its payload
     * reaching a field of another subgraph (the line-up's creators, from creator-service), one message per change.
     */
    @Test
    void theSeatsOfAnEventArriveThroughTheGatewayWithFieldsOfOtherSubgraphs() throws Exception {
        String headliner = register(unique("live"), "现场歌手", unique("live"));
        String event = publishedEvent("E2E 直播座位", venue(), List.of(credit(headliner, "HEADLINER")), List.of());
        try (Subscriber fan = new Subscriber(stack.gatewayUrl(), null, "subscription($e: ID!) { eventSeats(eventId: $e) "
                + "{ seatsRemaining version event { title lineup { creator { displayName } } } } }", Map.of("e", event))) {
            io.vertx.core.json.JsonObject first = fan.data("eventSeats");
            assertEquals(100, first.getInteger("seatsRemaining"), first.encode());
            assertEquals("现场歌手", first.getJsonObject("event").getJsonArray("lineup").getJsonObject(0)
                    .getJsonObject("creator").getString("displayName"), "a field of creator-service: " + first);
            // longer than the gateway's request deadline (3 s in the tests): a subscription is not a request that
            // runs out of time, and each message still gets the other subgraphs' fields
            Thread.sleep(UPSTREAM_TIMEOUT.toMillis() + 2000);
            stack.gatewayAs("user", "e2e-live-fan", null).data("mutation($e: ID!) { registerForEvent(input: "
                    + "{eventId: $e}) { status } }", Map.of("e", event));
            io.vertx.core.json.JsonObject change = fan.data("eventSeats");
            assertEquals(99, change.getInteger("seatsRemaining"), change.encode());
            assertEquals("现场歌手", change.getJsonObject("event").getJsonArray("lineup").getJsonObject(0)
                    .getJsonObject("creator").getString("displayName"), change.encode());
            assertTrue(change.getLong("version") > first.getLong("version"));

            // several users registering and cancelling: exactly one message per change, in order
            String register = "mutation($e: ID!) { registerForEvent(input: {eventId: $e}) { id } }";
            String second = stack.gatewayAs("user", "e2e-live-fan-2", null).data(register, Map.of("e", event))
                    .at("/registerForEvent/id").asText();
            stack.gatewayAs("user", "e2e-live-fan-3", null).data(register, Map.of("e", event));
            stack.gatewayAs("user", "e2e-live-fan-2", null).data("mutation($id: ID!) { cancelRegistration(input: "
                    + "{id: $id}) { status } }", Map.of("id", second));
            gateway.data("mutation($e: ID!) { updateEvent(input: {id: $e, capacity: 120}) { id } }", Map.of("e", event));
            List<Integer> seen = new ArrayList<>();
            long version = change.getLong("version");
            for (int i = 0; i < 4; i++) {
                io.vertx.core.json.JsonObject next = fan.data("eventSeats");
                assertEquals(version + 1, next.getLong("version"), "one message per change: " + next.encode());
                version = next.getLong("version");
                seen.add(next.getInteger("seatsRemaining"));
            }
            assertEquals(List.of(98, 97, 98, 118), seen);
            assertNull(fan.poll(Duration.ofSeconds(1)), "nothing more");
        }

        // the same over Server-Sent Events, as curl or a browser's EventSource would ask; a draft is refused
        String draft = gateway.data("mutation($i: CreateEventInput!) { createEvent(input: $i) { id } }", Map.of("i",
                Map.of("title", "未发布", "kind", "CONCERT", "organizer", "JOINT", "venueId", venue(), "startsAt",
                        "2030-01-01T20:00:00+08:00", "endsAt", "2030-01-01T22:00:00+08:00", "timeZone", "Asia/Shanghai",
                        "capacity", 10, "opensAt", "2029-12-01T00:00:00+08:00", "closesAt",
                        "2030-01-01T20:00:00+08:00"))).at("/createEvent/id").asText();
        for (String target : List.of(event, draft)) {
            HttpRequest sse = HttpRequest.newBuilder(stack.gatewayUrl()).header("Content-Type", "application/json")
                    .header("Accept", "text/event-stream").POST(HttpRequest.BodyPublishers.ofString(
                            new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("query",
                                    "subscription($e: ID!) { eventSeats(eventId: $e) { seatsRemaining } }",
                                    "variables", Map.of("e", target))))).build();
            HttpResponse<java.util.stream.Stream<String>> stream = HTTP.send(sse,
                    HttpResponse.BodyHandlers.ofLines());
            try (java.util.stream.Stream<String> lines = stream.body()) {
                assertEquals(200, stream.statusCode());
                String data = lines.filter(line -> line.startsWith("data:")).findFirst().orElseThrow();
                if (target.equals(event)) {
                    assertEquals(118, new com.fasterxml.jackson.databind.ObjectMapper().readTree(data.substring(5))
                            .at("/data/eventSeats/seatsRemaining").asInt(), data);
                } else {
                    assertTrue(data.contains("\"NOT_FOUND\""), "a draft is refused as the query would: " + data);
                }
            }
        }
    }

    @Test
    void aWorksEngagementArrivesLiveAndTheSubscriptionEndsWithItsToken() throws Exception {
        String artist = register(unique("heat"), "热度歌手", unique("heat"));
        String work = publishedWork("E2E 热度", "ORIGINAL", null, List.of(credit(artist, "PERFORMER")));
        String query = "subscription($w: ID!) { workEngagement(workId: $w) { version totals { plays likes } "
                + "work { title credits { creator { displayName } } } } }";
        // as a browser must: the token in the connection_init payload, none on the upgrade request
        String staff = LocalKeys.token(STATE, "staff", "e2e-live-staff", null, Duration.ofHours(1));
        try (Subscriber browser = Subscriber.withInitPayload(stack.gatewayUrl(), Map.of("Authorization",
                "Bearer " + staff), query, Map.of("w", work))) {
            io.vertx.core.json.JsonObject first = browser.data("workEngagement");
            assertEquals(0, first.getJsonObject("totals").getLong("plays"));
            assertEquals("热度歌手", first.getJsonObject("work").getJsonArray("credits").getJsonObject(0)
                    .getJsonObject("creator").getString("displayName"), "a field of creator-service");
            GraphQLHttp ingestion = stack.gatewayAs("ingestion", "e2e-ingestion", null);
            for (int i = 0; i < 10; i++) {
                ingestion.data("mutation($w: ID!, $d: Date!) { recordEngagement(input: {day: $d, deltas: [{workId: $w, "
                        + "plays: 7, likes: 1}]}) { works } }", Map.of("w", work, "d", java.time.LocalDate.now(
                                java.time.ZoneId.of("Asia/Shanghai")).toString()));
            }
            io.vertx.core.json.JsonObject last = browser.data("workEngagement");
            while (last.getJsonObject("totals").getLong("plays") < 70) {
                last = browser.data("workEngagement");
            }
            assertEquals(10, last.getJsonObject("totals").getLong("likes"), "the final totals");
            assertEquals(first.getLong("version") + 10, last.getLong("version"));
        }

        // a draft work is refused like the query; a forged token is refused by the gateway before any subgraph
        String draft = gateway.data("mutation($i: CreateWorkInput!) { createWork(input: $i) { id } }", Map.of("i",
                Map.of("title", "未发布的歌", "kind", "ORIGINAL", "durationSeconds", 100, "credits", List.of(credit(
                        artist, "PERFORMER"))))).at("/createWork/id").asText();
        try (Subscriber nobody = new Subscriber(stack.gatewayUrl(), null, query, Map.of("w", draft))) {
            assertEquals("NOT_FOUND", nobody.error().getString("code"));
        }
        String forged = LocalKeys.token(STATE, "https://evil.example", LocalKeys.AUDIENCE, "staff", "e2e-forger", null,
                Duration.ofHours(1));
        try (Subscriber forger = Subscriber.withInitPayload(stack.gatewayUrl(), Map.of("Authorization",
                "Bearer " + forged), query, Map.of("w", draft))) {
            assertEquals("UNAUTHENTICATED", forger.error().getString("code"));
        }

        // the subscription ends when its token expires, with an UNAUTHENTICATED message
        String brief = LocalKeys.token(STATE, "user", "e2e-brief-fan", null, Duration.ofSeconds(4));
        try (Subscriber fan = Subscriber.withInitPayload(stack.gatewayUrl(), Map.of("authorization",
                "Bearer " + brief), query, Map.of("w", work))) {
            assertEquals(70, fan.data("workEngagement").getJsonObject("totals").getLong("plays"));
            assertEquals("UNAUTHENTICATED", fan.error().getString("code"));
        }
    }

    static final String SEATS = "subscription($e: ID!) { eventSeats(eventId: $e) { seatsRemaining version "
            + "event { lineup { creator { displayName } } } } }";

    /** Registers a user through this endpoint, again while the service answers UNAVAILABLE (its database coming back). */
    static void registerThrough(GraphQLHttp endpoint, String event) throws InterruptedException {
        for (int attempt = 0; attempt < 60; attempt++) {
            JsonNode answer = endpoint.post("mutation($e: ID!) { registerForEvent(input: {eventId: $e}) { status } }",
                    Map.of("e", event));
            if (answer.at("/errors").isMissingNode()) {
                return;
            }
            assertEquals("UNAVAILABLE", code(answer), answer.toString());
            Thread.sleep(500);
        }
        throw new AssertionError("the registration never went through");
    }

    @Test
    void aRegistrationThroughAnotherReplicaReachesASubscriberThroughTheGateway() throws Exception {
        String headliner = register(unique("replica"), "副本歌手", unique("replica"));
        String event = publishedEvent("E2E 两个副本", venue(), List.of(credit(headliner, "HEADLINER")), List.of());
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (LocalStack.Replica replica = stack.startReplica("events-service", port);
                Subscriber fan = new Subscriber(stack.gatewayUrl(), null, SEATS, Map.of("e", event))) {
            assertEquals(100, fan.data("eventSeats").getInteger("seatsRemaining"));
            // straight at the second process, which the gateway does not know: only the database connects them
            registerThrough(new GraphQLHttp(replica.url()).as(LocalKeys.token(STATE, "user", "e2e-replica-fan", null,
                    Duration.ofHours(1))), event);
            io.vertx.core.json.JsonObject seats = fan.data("eventSeats");
            assertEquals(99, seats.getInteger("seatsRemaining"));
            assertEquals("副本歌手", seats.getJsonObject("event").getJsonArray("lineup").getJsonObject(0)
                    .getJsonObject("creator").getString("displayName"));
        }
    }

    @Test
    void afterTheDatabaseRestartsASubscriberGetsTheCurrentStateAgain() throws Exception {
        String headliner = register(unique("restart"), "重启歌手", unique("restart"));
        String event = publishedEvent("E2E 数据库重启", venue(), List.of(credit(headliner, "HEADLINER")), List.of());
        try (Subscriber fan = new Subscriber(stack.gatewayUrl(), null, SEATS, Map.of("e", event))) {
            io.vertx.core.json.JsonObject first = fan.data("eventSeats");
            stack.stopDatabase("events-service");
            try {
                Thread.sleep(2000);
            } finally {
                stack.startDatabase("events-service");
            }
            io.vertx.core.json.JsonObject again = fan.data("eventSeats");
            assertEquals(first.getLong("version"), again.getLong("version"), "the same state, sent again: " + again);
            assertEquals(100, again.getInteger("seatsRemaining"));
            registerThrough(stack.gatewayAs("user", "e2e-restart-fan", null), event);
            io.vertx.core.json.JsonObject after = fan.data("eventSeats");
            assertEquals(99, after.getInteger("seatsRemaining"), "and the changes after it");
            assertTrue(after.getLong("version") > first.getLong("version"));
        }
    }

    /** Waits (on the server's clock, plus a margin) until the challenge reaches its next phase. */
    private static void awaitPhase(String challenge, String phase, OffsetDateTime at) throws InterruptedException {
        long wait = Duration.between(OffsetDateTime.now(ZoneOffset.UTC), at).toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        for (int i = 0; i < 50; i++) {
            if (phase.equals(anonymous.data("query($id: ID!) { challenge(id: $id) { phase } }", Map.of("id", challenge))
                    .at("/challenge/phase").asText())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the challenge never reached " + phase);
    }

    @Test
    void throughTheGatewayEveryMutationNeedsTheRightCaller() throws Exception {
        JsonNode schema = anonymous.data("{ __schema { mutationType { fields { name } } } }");
        List<String> all = new ArrayList<>();
        schema.at("/__schema/mutationType/fields").forEach(f -> all.add(f.get("name").asText()));
        assertEquals(new TreeSet<>(all), new TreeSet<>(MUTATIONS.keySet()), "the table covers every mutation");

        GraphQLHttp user = stack.gatewayAs("user", "e2e-plain-user", null);
        GraphQLHttp creator = stack.gatewayAs("creator", "e2e-some-creator", UUID.randomUUID().toString());
        // a signed-in user registers, votes and (as a judge) scores: unknown things are NOT_FOUND
        Set<String> anyoneSignedIn = Set.of("registerForEvent", "cancelRegistration", "castChallengeVote",
                "scoreChallengeEntry");
        // what a creator may do to their own things; on things that are not theirs (here: that do not exist)
        Map<String, String> creatorsOwn = new HashMap<>(Map.of("updateCreatorProfile", "NOT_FOUND", "linkPlatformAccount",
                "NOT_FOUND", "unlinkPlatformAccount", "NOT_FOUND", "createWork", "BAD_USER_INPUT", "updateWork", "NOT_FOUND",
                "publishWork", "NOT_FOUND", "withdrawWork", "NOT_FOUND", "createAlbum", "BAD_USER_INPUT",
                "updateAlbum", "NOT_FOUND"));
        creatorsOwn.putAll(Map.of("submitChallengeEntry", "NOT_FOUND", "withdrawChallengeEntry", "NOT_FOUND",
                "submitProductionPitch", "NOT_FOUND", "addProductionCut", "NOT_FOUND", "leaveCutFeedback", "NOT_FOUND"));
        Set<String> invitees = Set.of("acceptRemixInvitation", "declineRemixInvitation", "deliverRemix");
        for (var mutation : MUTATIONS.entrySet()) {
            String name = mutation.getKey();
            String query = "mutation { " + mutation.getValue() + " }";
            assertEquals("UNAUTHENTICATED", code(anonymous.post(query, Map.of())), name);
            // a signed-in user may register and cancel their own: an unknown event or registration is NOT_FOUND
            assertEquals(anyoneSignedIn.contains(name) ? "NOT_FOUND" : "FORBIDDEN", code(user.post(query, Map.of())), name);
            String asCreator = anyoneSignedIn.contains(name) || invitees.contains(name) ? "NOT_FOUND"
                    : creatorsOwn.getOrDefault(name, "FORBIDDEN");
            assertEquals(asCreator, code(creator.post(query, Map.of())), "as another creator: " + name);
        }
    }

    @Test
    void throughTheGatewayPrivateFieldsAreNullForTheAnonymous() {
        String query = """
                { creators(first: 5) { edges { node { tierHistory { to } } } }
                  works(first: 5) { edges { node { royaltySplits { share } distributions { status } } } }
                  events(first: 5) { edges { node { registrations { totalCount } } } }
                  remixInvitations { totalCount } }""";
        JsonNode outside = anonymous.data(query);
        JsonNode inside = gateway.data(query);
        // the demo data has at least four of each; the private fields answer for staff, are null for others
        Map<String, String> privateFields = Map.of("/creators/edges", "tierHistory", "/works/edges", "royaltySplits",
                "/events/edges", "registrations");
        privateFields.forEach((list, field) -> {
            assertTrue(inside.at(list).size() >= 4, list);
            assertEquals(inside.at(list).size(), outside.at(list).size(), list);
            for (int i = 0; i < inside.at(list).size(); i++) {
                assertFalse(inside.at(list + "/" + i + "/node/" + field).isNull(), inside::toString);
                assertTrue(outside.at(list + "/" + i + "/node/" + field).isNull(), outside::toString);
            }
        });
        for (int i = 0; i < outside.at("/works/edges").size(); i++) {
            assertTrue(outside.at("/works/edges/" + i + "/node/distributions").isNull(), outside::toString);
        }
        assertEquals(0, outside.at("/remixInvitations/totalCount").asInt(-1), outside::toString);
    }

    static String code(JsonNode response) {
        assertEquals(1, response.path("errors").size(), response::toString);
        assertTrue(response.path("data").isNull() || response.path("data").isMissingNode(), "nothing answered: " + response);
        return response.at("/errors/0/extensions/code").asText();
    }

    @Test
    void throughTheGatewayDraftsAndPrivateFieldsStayWithTheirOwners() {
        String ownerId = register(unique("owner"), "Owner", unique("g"));
        String otherId = register(unique("other"), "Other", unique("g"));
        GraphQLHttp owner = stack.gatewayAs("creator", "e2e-owner", ownerId);
        GraphQLHttp other = stack.gatewayAs("creator", "e2e-other", otherId);
        String work = owner.data("mutation($i: CreateWorkInput!) { createWork(input: $i) { id } }", Map.of("i", Map.of(
                "title", "Draft E2E", "kind", "ORIGINAL", "durationSeconds", 180, "credits",
                List.of(credit(ownerId, "PERFORMER")), "royaltySplits", List.of(Map.of("creatorId", ownerId,
                        "share", 100))))).at("/createWork/id").asText();
        String read = "query($id: ID!, $c: ID!) { work(id: $id) { title royaltySplits { share } } "
                + "creator(id: $c) { tierHistory { to } works { totalCount } } }";
        Map<String, Object> ids = Map.of("id", work, "c", ownerId);

        for (GraphQLHttp outsider : List.of(anonymous, other, stack.gatewayAs("user", "e2e-fan-2", null))) {
            JsonNode data = outsider.data(read, ids);
            assertTrue(data.get("work").isNull(), data::toString);
            assertTrue(data.at("/creator/tierHistory").isNull(), data::toString);
            assertEquals(0, data.at("/creator/works/totalCount").asInt(), data::toString);
        }
        for (GraphQLHttp insider : List.of(owner, gateway)) {
            JsonNode data = insider.data(read, ids);
            assertEquals("Draft E2E", data.at("/work/title").asText(), data::toString);
            assertEquals(1, data.at("/work/royaltySplits").size(), data::toString);
            assertEquals("EMERGING", data.at("/creator/tierHistory/0/to").asText(), data::toString);
            assertEquals(1, data.at("/creator/works/totalCount").asInt(), data::toString);
        }
        String rename = "mutation($id: ID!) { updateWork(input: {id: $id, title: \"Taken\"}) { title } }";
        assertEquals("NOT_FOUND", code(other.post(rename, Map.of("id", work))));

        owner.data("mutation($id: ID!) { publishWork(input: {id: $id}) { status } }", Map.of("id", work));
        JsonNode published = anonymous.data(read, ids);
        assertEquals("Draft E2E", published.at("/work/title").asText(), published::toString);
        assertTrue(published.at("/work/royaltySplits").isNull(), published::toString);
        assertEquals("FORBIDDEN", code(other.post(rename, Map.of("id", work))));
    }

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void eachClientIsRateLimitedAlone() throws Exception {
        // the test stack allows 300 requests per 10 s per client; {__typename} is answered by the gateway alone
        String token = LocalKeys.token(STATE, "user", "e2e-greedy", null,
                Duration.ofMinutes(5));
        HttpRequest cheap = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "?query=%7B__typename%7D"))
                .header("authorization", "Bearer " + token).header("accept", "application/json")
                .header("x-graphql-csrf", "1").build();
        int passed = 0;
        HttpResponse<String> refused = null;
        for (int i = 0; i < 700 && refused == null; i++) {
            HttpResponse<String> response = HTTP.send(cheap, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertEquals(200, response.statusCode(), response.body());
                passed++;
            }
        }
        assertNotNull(refused, "no request was refused");
        assertTrue(passed >= 300 && passed <= 600, passed + " passed before the first refusal");
        assertTrue(refused.body().contains("\"code\":\"RATE_LIMITED\""), refused.body());
        int retryAfter = Integer.parseInt(refused.headers().firstValue("retry-after").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 10, "retry-after " + retryAfter);
        // another client is not affected
        assertEquals("Query", anonymous.data("{ __typename }").get("__typename").asText());
    }

    @Test
    void anOversizedRequestIsRefusedBeforeAnySubgraphIsAsked() throws Exception {
        String padding = " ".repeat(110_000);
        Map<String, Long> asked = subgraphRequests(() -> {
            HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(stack.gatewayUrl())
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ creators { totalCount } }" + padding
                            + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(413, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("\"code\":\"BAD_USER_INPUT\""), refused.body());
        });
        assertEquals(Map.of("creator-service", 0L, "content-service", 0L, "events-service", 0L), asked);
    }

    @Test
    void introspectionAndGraphiQLCanBeSwitchedOffForProduction() throws Exception {
        String introspect = "{ __schema { queryType { name } } }";
        String typo = "{ creatorz { totalCount } }";
        assertEquals("Query", anonymous.data(introspect).at("/__schema/queryType/name").asText());
        assertTrue(anonymous.post(typo, Map.of()).toString().contains("Did you mean"), "suggestions while on");
        stack.restartGateway(Map.of("CHORUS_INTROSPECTION", "false", "CHORUS_GRAPHIQL", "false"));
        try {
            JsonNode refused = anonymous.post(introspect, Map.of());
            assertEquals("BAD_USER_INPUT", refused.at("/errors/0/extensions/code").asText(), refused::toString);
            assertFalse(refused.toString().contains("\"queryType\":{"), refused::toString);
            JsonNode wrong = anonymous.post(typo, Map.of());
            assertEquals("BAD_USER_INPUT", wrong.at("/errors/0/extensions/code").asText(), wrong::toString);
            assertFalse(wrong.toString().contains("Did you mean"), "no schema hints: " + wrong);
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(stack.gatewayUrl()).header("accept", "text/html")
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertFalse(page.body().toLowerCase(java.util.Locale.ROOT).contains("graphiql"), "no GraphiQL page");
            assertTrue(gateway.data("{ creators(first: 1) { totalCount } }").at("/creators/totalCount").asInt(-1) > 0,
                    "queries still answer");
        } finally {
            stack.restartGateway(Map.of());
        }
        assertEquals("Query", anonymous.data(introspect).at("/__schema/queryType/name").asText());
    }

    /** The token with its claims changed by the client, keeping the issuer's signature. */
    static String editedByClient(String token, String from, String to) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace(from, to).getBytes()) + "."
                + parts[2];
    }

    @Test
    void servicesTrustOnlyTokensSignedWithTheStacksKey() throws Exception {
        String token = LocalKeys.token(STATE, "staff", "e2e-staff", null, Duration.ofMinutes(5));
        String forged = editedByClient(token, "e2e-staff", "someone-else");
        for (LocalStack.Service service : LocalStack.SERVICES) {
            assertEquals(200, status(stack.serviceUrl(service.name()), token), service.name());
            assertEquals(401, status(stack.serviceUrl(service.name()), forged), service.name());
        }
    }

    @Test
    void theGatewayRefusesBadTokensBeforeAskingAnySubgraph() throws Exception {
        String token = LocalKeys.token(STATE, "user", "e2e-user", null, Duration.ofMinutes(5));
        String forged = editedByClient(token, "\"user\"", "\"staff\"");
        Map<String, Long> asked = subgraphRequests(() -> {
            HttpResponse<String> refused = postWithToken(stack.gatewayUrl(), forged);
            assertEquals(401, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("\"code\":\"UNAUTHENTICATED\""), refused.body());
            assertFalse(refused.body().contains("\"data\":{"), refused.body());
        });
        assertEquals(Map.of("creator-service", 0L, "content-service", 0L, "events-service", 0L), asked);

        HttpResponse<String> accepted = postWithToken(stack.gatewayUrl(), token);
        assertEquals(200, accepted.statusCode(), accepted.body());
        assertTrue(accepted.body().contains("\"totalCount\""), accepted.body());
    }

    /** The claims of a valid token of the stack's issuer (the same as the tests' issuer), to change one at a time. */
    static Map<String, Object> claims(String subject) {
        return dev.chorus.test.Tokens.claimsOf(subject, "user");
    }

    static Map<String, Object> with(Map<String, Object> claims, String name, Object value) {
        if (value == null) {
            claims.remove(name);
        } else {
            claims.put(name, value);
        }
        return claims;
    }

    static HttpResponse<String> askWithAuthorization(URI endpoint, String query, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query + "\"}"));
        if (authorization != null) {
            request.header("authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theGatewayAndEveryServiceAcceptExactlyTheSameTokensAndAgreeOnTheSubject() throws Exception {
        long now = java.time.Instant.now().getEpochSecond();
        String valid = LocalKeys.sign(STATE, claims("e2e-same"));
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("valid", "Bearer " + valid);
        cases.put("scheme in lower case", "bearer " + valid);
        cases.put("other name claims", "Bearer " + LocalKeys.sign(STATE,
                with(with(claims("e2e-same"), "preferred_username", "e2e-victim"), "upn", "e2e-victim")));
        cases.put("no iat", "Bearer " + LocalKeys.sign(STATE, with(claims("e2e-same"), "iat", null)));
        cases.put("suffix", "Bearer " + valid + " !");
        cases.put("second word", "Bearer " + valid + " x");
        cases.put("two spaces", "Bearer  " + valid);
        cases.put("stray character", "Bearer " + valid + "!");
        cases.put("no exp", "Bearer " + LocalKeys.sign(STATE, with(claims("e2e-same"), "exp", null)));
        cases.put("no sub", "Bearer " + LocalKeys.sign(STATE, with(claims("e2e-same"), "sub", null)));
        cases.put("no iss", "Bearer " + LocalKeys.sign(STATE, with(claims("e2e-same"), "iss", null)));
        cases.put("no aud", "Bearer " + LocalKeys.sign(STATE, with(claims("e2e-same"), "aud", null)));
        cases.put("blank sub", "Bearer " + LocalKeys.sign(STATE, with(claims("e2e-same"), "sub", " ")));
        cases.put("iat tomorrow", "Bearer " + LocalKeys.sign(STATE,
                with(with(claims("e2e-same"), "iat", now + 86_400), "exp", now + 2 * 86_400)));
        cases.put("nbf tomorrow", "Bearer " + LocalKeys.sign(STATE, with(claims("e2e-same"), "nbf", now + 86_400)));
        cases.put("basic", "Basic ZTJlOnNhbWU=");
        cases.put("forged", "Bearer " + editedByClient(valid, "e2e-same", "e2e-victim"));
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> atGateway = askWithAuthorization(stack.gatewayUrl(), "{ viewer { subject } }",
                    c.getValue());
            HttpResponse<String> atService = askWithAuthorization(stack.serviceUrl("creator-service"),
                    "{ viewer { subject } }", c.getValue());
            assertEquals(atService.statusCode(), atGateway.statusCode(), c.getKey() + ": " + atGateway.body());
            if (atGateway.statusCode() == 401) {
                assertEquals(atService.body(), atGateway.body(), c.getKey());
                assertTrue(atGateway.body().contains("\"code\":\"UNAUTHENTICATED\""), atGateway.body());
                for (LocalStack.Service service : LocalStack.SERVICES) {
                    HttpResponse<String> refused = askWithAuthorization(stack.serviceUrl(service.name()),
                            "{ __typename }", c.getValue());
                    assertEquals(401, refused.statusCode(), c.getKey() + " at " + service.name());
                    assertEquals(atGateway.body(), refused.body(), c.getKey() + " at " + service.name());
                }
            } else {
                assertEquals(200, atGateway.statusCode(), c.getKey() + ": " + atGateway.body());
                assertTrue(atGateway.body().contains("\"subject\":\"e2e-same\""), c.getKey() + ": " + atGateway.body());
                assertEquals(atService.body(), atGateway.body(), c.getKey());
            }
        }
        assertEquals(200, askWithAuthorization(stack.gatewayUrl(), "{ __typename }", cases.get("valid")).statusCode());
        for (String refused : List.of("suffix", "second word", "no exp", "no sub", "iat tomorrow", "forged")) {
            assertEquals(401, askWithAuthorization(stack.gatewayUrl(), "{ __typename }", cases.get(refused))
                    .statusCode(), refused);
        }
    }

    @Test
    void aRequestABrowserCouldSendCrossSiteWithoutPreflightIsRefused() throws Exception {
        String handle = unique("csrf").toLowerCase(java.util.Locale.ROOT);
        String mutation = "mutation { registerCreator(input: {handle: \"" + handle
                + "\", displayName: \"CSRF\", kind: PERSON}) { id } }";
        String staff = "Bearer " + LocalKeys.token(STATE, "staff", "e2e-csrf", null, Duration.ofMinutes(5));
        for (String contentType : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
            HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(stack.gatewayUrl())
                    .header("content-type", contentType).header("authorization", staff)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + mutation.replace("\"", "\\\"") + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(refused.statusCode() >= 400 && refused.statusCode() < 500, contentType + ": " + refused.body());
            assertTrue(refused.body().contains("\"code\":"), contentType + ": " + refused.body());
        }
        HttpRequest get = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "?query=%7B__typename%7D"))
                .header("accept", "application/json").build();
        assertEquals(403, HTTP.send(get, HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(200, HTTP.send(HttpRequest.newBuilder(get.uri()).header("accept", "application/json")
                .header("x-graphql-csrf", "1").build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertTrue(gateway.data("query($h: String!) { creatorByHandle(handle: $h) { id } }", Map.of("h", handle))
                .get("creatorByHandle").isNull(), "nothing was created");
    }

    /**
     * The adversarial suite of the services' HostileInputTest, through the gateway: every argument of the
     * supergraph with hostile values and a broken protocol, as a caller with every role; no 5xx, coded errors, no
     * internals, hostile mutations refused and the three databases unchanged by them. The rate limit is lifted
     * for the run (the suite sends a few thousand requests).
     */
    @Test
    void throughTheGatewayEveryHostileRequestGetsACodedRefusalAndChangesNothing() throws Exception {
        String token = LocalKeys.token(STATE, "staff", "e2e-hostile", null, Duration.ofMinutes(30));
        String both = LocalKeys.sign(STATE, with(with(claims("e2e-hostile"), "roles", List.of("staff", "ingestion")),
                "exp", java.time.Instant.now().getEpochSecond() + 1800));
        stack.restartGateway(Map.of("CHORUS_RATE_LIMIT", "1000000000"));
        try {
            HostileSuite suite = new HostileSuite(stack.gatewayUrl(),
                    Map.of("Authorization", "Bearer " + both, "x-graphql-csrf", "1"));
            HostileRequests requests = new HostileRequests(suite.schema());
            List<HostileRequests.Request> fields = requests.fieldRequests();
            assertTrue(fields.size() > 500, "the supergraph gave only " + fields.size() + " requests");
            java.util.function.Supplier<String> digest = DatabaseDigest.all(LocalStack.SERVICES.stream()
                    .map(s -> DatabaseDigest.of(stack.databaseUrl(s.name()), EmbeddedPostgresServer.USER,
                            EmbeddedPostgresServer.PASSWORD))
                    .toArray(java.util.function.Supplier[]::new));
            List<String> problems = suite.fields(fields, digest);
            problems.addAll(suite.protocol(HostileRequests.protocol(token)));
            assertEquals(List.of(), problems.size() > 40 ? problems.subList(0, 40) : problems,
                    problems.size() + " problems in " + fields.size() + " field requests and the protocol requests");
        } finally {
            stack.restartGateway(Map.of());
        }
    }

    /** graphql-http's server audits (gateway/audit.mjs): no error and no warning, at the gateway and every service. */
    @Test
    void theGatewayAndEveryServicePassTheGraphQLOverHttpAudits() throws Exception {
        stack.restartGateway(Map.of("CHORUS_RATE_LIMIT", "1000000000"));
        try {
            List<List<String>> runs = new ArrayList<>();
            runs.add(List.of(stack.gatewayUrl().toString()));
            runs.add(List.of(stack.gatewayUrl().toString(), "x-graphql-csrf: 1"));
            for (LocalStack.Service service : LocalStack.SERVICES) {
                runs.add(List.of(stack.serviceUrl(service.name()).toString()));
            }
            for (List<String> run : runs) {
                List<String> command = new ArrayList<>(List.of("node", "audit.mjs"));
                command.addAll(run);
                Process audit = new ProcessBuilder(command).directory(ROOT.resolve("gateway").toFile())
                        .redirectErrorStream(true).start();
                String output = new String(audit.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(audit.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "audit of " + run);
                JsonNode result = new com.fasterxml.jackson.databind.ObjectMapper().readTree(output);
                assertEquals("[]", result.get("errors").toString(), run + ": " + output);
                assertEquals("[]", result.get("warnings").toString(), run + ": " + output);
                assertTrue(result.get("ok").asInt() >= 55, run + ": " + output);
            }
        } finally {
            stack.restartGateway(Map.of());
        }
    }

    /**
     * Another subgraph holds a work by a key only content-service can turn into an id, so a withdrawn work on a
     * setlist is null for those who may not see it even when only its id is asked (it once leaked: events-service
     * answered the id itself).
     */
    @Test
    void aWithdrawnWorkOnASetlistIsHiddenEvenWhenOnlyItsIdIsAsked() {
        String artist = register(unique("setlist"), "Setlist", unique("g"));
        String kept = publishedWork("kept", "ORIGINAL", null, List.of(credit(artist, "PERFORMER")));
        String pulled = publishedWork("pulled", "ORIGINAL", null, List.of(credit(artist, "PERFORMER")));
        String event = publishedEvent("Setlist Night", venue(), List.of(), List.of(kept, pulled));
        gateway.data("mutation($id: ID!) { withdrawWork(input: {id: $id}) { status } }", Map.of("id", pulled));
        String idOnly = "query($e: ID!) { event(id: $e) { setlist { position work { id } } } }";
        JsonNode seen = anonymous.data(idOnly, Map.of("e", event));
        assertEquals(kept, seen.at("/event/setlist/0/work/id").asText(), seen::toString);
        assertTrue(seen.at("/event/setlist/1/work").isNull(), seen::toString);
        assertFalse(seen.toString().contains(pulled), seen::toString);
        assertEquals(pulled, gateway.data(idOnly, Map.of("e", event)).at("/event/setlist/1/work/id").asText(),
                "staff still see it");
    }

    /**
     * Every path of the graph to a hidden thing (a DRAFT work, a WITHDRAWN work, a SUSPENDED creator, an event never
     * published), walked from every root query field (HiddenPaths): none of them appears, not even its id, for the
     * anonymous, a signed-in user or another creator; staff see each of them somewhere (the walk reaches them).
     */
    @Test
    void hiddenThingsNeverAppearOnAnyPathOfTheGraph() throws Exception {
        String artist = register(unique("walk"), "Walk Artist", unique("g"));
        String suspendedHandle = unique("walks").toLowerCase(java.util.Locale.ROOT);
        String suspended = register(suspendedHandle, "Walk Suspended", unique("g"));
        List<Map<String, Object>> both = List.of(credit(artist, "PERFORMER"), credit(suspended, "COMPOSER"));
        String published = publishedWorkWithIsrc("walk published", both);
        String withdrawn = publishedWorkWithIsrc("walk withdrawn", List.of(credit(artist, "PERFORMER")));
        String draft = gateway.data("mutation($i: CreateWorkInput!) { createWork(input: $i) { id } }", Map.of("i",
                Map.of("title", "walk draft", "kind", "REMIX", "durationSeconds", 200, "derivedFromId", published,
                        "credits", List.of(credit(artist, "REMIXER"))))).at("/createWork/id").asText();
        String album = gateway.data("mutation($i: CreateAlbumInput!) { createAlbum(input: $i) { id } }", Map.of("i",
                Map.of("title", "walk album", "kind", "EP", "upc", dev.chorus.test.Codes.upc(),
                        "primaryArtistIds", List.of(artist, suspended), "trackWorkIds", List.of(published, withdrawn))))
                .at("/createAlbum/id").asText();
        gateway.data("mutation($id: ID!) { releaseAlbum(input: {id: $id}) { status } }", Map.of("id", album));
        String invitation = gateway.data("mutation($i: InviteRemixInput!) { inviteRemix(input: $i) { id } }",
                Map.of("i", Map.of("workId", withdrawn, "creatorId", artist))).at("/inviteRemix/id").asText();
        String venue = venue();
        List<Map<String, Object>> lineup = List.of(Map.of("creatorId", artist, "role", "HEADLINER"),
                Map.of("creatorId", suspended, "role", "GUEST"));
        String event = publishedEvent("walk event", venue, lineup, List.of(published, withdrawn, draft));
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(4).truncatedTo(ChronoUnit.MINUTES);
        String unpublished = gateway.data("mutation($i: CreateEventInput!) { createEvent(input: $i) { id } }",
                Map.of("i", Map.of("title", "walk draft event", "kind", "CONCERT", "organizer", "JOINT", "venueId",
                        venue, "startsAt", start.toString(), "endsAt", start.plusHours(2).toString(), "timeZone",
                        "Asia/Shanghai", "capacity", 10, "opensAt", start.minusDays(2).toString(), "closesAt",
                        start.toString()))).at("/createEvent/id").asText();
        gateway.data("mutation($i: SetLineupInput!) { setLineup(input: $i) { id } }",
                Map.of("i", Map.of("eventId", unpublished, "slots", List.of(Map.of("creatorId", artist, "role", "HOST")))));
        gateway.data("mutation($i: SetSetlistInput!) { setSetlist(input: $i) { id } }",
                Map.of("i", Map.of("eventId", unpublished, "workIds", List.of(published))));
        gateway.data("mutation($id: ID!) { withdrawWork(input: {id: $id}) { status } }", Map.of("id", withdrawn));
        gateway.data("mutation($id: ID!) { suspendCreator(input: {id: $id, reason: \"walk\"}) { status } }",
                Map.of("id", suspended));

        Map<String, List<Object>> ids = new HashMap<>();
        ids.put("Creator", List.of(artist, suspended));
        ids.put("Work", List.of(published, withdrawn, draft));
        ids.put("Album", List.of(album));
        ids.put("Event", List.of(event, unpublished));
        ids.put("Venue", List.of(venue));
        ids.put("RemixInvitation", List.of(invitation));
        String today = java.time.LocalDate.now(ZoneOffset.ofHours(8)).toString();
        Map<String, List<Object>> values = Map.of("handle", List.of(suspendedHandle),
                "from", List.of(java.time.LocalDate.now(ZoneOffset.ofHours(8)).minusDays(30).toString()),
                "to", List.of(today));
        stack.restartGateway(Map.of("CHORUS_RATE_LIMIT", "1000000000", "CHORUS_MAX_TOKENS", "100000",
                "CHORUS_MAX_DEPTH", "40"));
        try {
            JsonNode schema = gateway.data(dev.chorus.test.hostile.HostileRequests.INTROSPECTION).get("__schema");
            HiddenPaths walk = new HiddenPaths(schema, ids, values, 4);
            List<String> queries = new ArrayList<>(walk.queries());
            assertTrue(queries.size() > 15, queries.toString());
            queries.addAll(walk.idOnlyPaths(Set.of("Work", "Creator", "Event")));
            System.out.println("[walk] " + queries.size() + " queries");
            Map<String, String> hidden = Map.of(draft, "the DRAFT work", withdrawn, "the WITHDRAWN work",
                    suspended, "the SUSPENDED creator", unpublished, "the unpublished event");
            List<GraphQLHttp> outsiders = List.of(anonymous, stack.gatewayAs("user", "e2e-walker", null),
                    stack.gatewayAs("creator", "e2e-other-walker", UUID.randomUUID().toString()));
            Set<String> seenByStaff = new TreeSet<>();
            List<String> problems = new ArrayList<>();
            for (String query : queries) {
                String answer = gateway.post(query, Map.of()).toString();
                hidden.keySet().stream().filter(answer::contains).forEach(seenByStaff::add);
                for (GraphQLHttp outsider : outsiders) {
                    String seen = outsider.post(query, Map.of()).toString();
                    hidden.forEach((id, what) -> {
                        if (seen.contains(id)) {
                            problems.add(what + " appears in " + query.substring(0, Math.min(120, query.length())));
                        }
                    });
                }
            }
            assertEquals(List.of(), problems.size() > 20 ? problems.subList(0, 20) : problems);
            assertEquals(new TreeSet<>(hidden.keySet()), seenByStaff, "the walk reaches every hidden thing");
        } finally {
            stack.restartGateway(Map.of());
        }
    }

    static String publishedWorkWithIsrc(String title, List<Map<String, Object>> credits) {
        String isrc = "CNW01" + String.format("%07d", (System.nanoTime() / 1000) % 10_000_000);
        String id = gateway.data("mutation($i: CreateWorkInput!) { createWork(input: $i) { id } }", Map.of("i",
                Map.of("title", title, "kind", "ORIGINAL", "durationSeconds", 200, "isrc", isrc, "credits", credits)))
                .at("/createWork/id").asText();
        gateway.data("mutation($id: ID!) { publishWork(input: {id: $id}) { status } }", Map.of("id", id));
        return id;
    }

    /**
     * A database that goes down answers UNAVAILABLE (try again), at the service and through the gateway, for reads
     * and for a mutation (whose retry with its idempotency key then neither fails nor doubles), and its service
     * picks it up again when it is back, without a restart.
     */
    @Test
    void aDatabaseThatIsDownAnswersUnavailableAndIsPickedUpAgain() throws Exception {
        String read = "{ venues(first: 1) { totalCount } }";
        String create = "mutation($i: CreateVenueInput!) { createVenue(input: $i) { id } }";
        String key = "venue-" + UUID.randomUUID();
        Map<String, Object> venue = Map.of("i", Map.of("name", "Down Hall", "city", "Nanjing", "address", "1 Down Rd",
                "maxCapacity", 10, "idempotencyKey", key));
        int before = gateway.data(read).at("/venues/totalCount").asInt();
        stack.stopDatabase("events-service");
        try {
            JsonNode down = gateway.post(read, Map.of());
            assertEquals("UNAVAILABLE", down.at("/errors/0/extensions/code").asText(), down::toString);
            JsonNode direct = new GraphQLHttp(stack.serviceUrl("events-service")).post(read, Map.of());
            assertEquals("UNAVAILABLE", direct.at("/errors/0/extensions/code").asText(), direct::toString);
            JsonNode mutation = gateway.post(create, venue);
            assertEquals("UNAVAILABLE", mutation.at("/errors/0/extensions/code").asText(), mutation::toString);
            assertFalse(mutation.toString().contains("refused"), mutation::toString);
        } finally {
            stack.startDatabase("events-service");
        }
        JsonNode back = null;
        for (int i = 0; i < 60; i++) {
            back = gateway.post(read, Map.of());
            if (!back.hasNonNull("errors")) {
                break;
            }
            Thread.sleep(500);
        }
        assertFalse(back.hasNonNull("errors"), "picked up again without a restart: " + back);
        String first = gateway.data(create, venue).at("/createVenue/id").asText();
        assertEquals(first, gateway.data(create, venue).at("/createVenue/id").asText(), "the retry does not double");
        assertEquals(before + 1, gateway.data(read).at("/venues/totalCount").asInt());
    }

    /**
     * Loading the demo data again (as after a first start interrupted while it loaded: the marker is written only
     * at the end) completes without an error and creates nothing twice.
     */
    @Test
    void loadingTheDemoDataAgainCreatesNothingTwice() throws Exception {
        String counts = "{ creators(first: 1) { totalCount } works(first: 1) { totalCount } albums(first: 1) { totalCount } "
                + "events(first: 1) { totalCount } venues(first: 1) { totalCount } challenges(first: 1) { totalCount } "
                + "linxia: creatorByHandle(handle: \"linxia\") { tier platformAccounts { platform } } }";
        JsonNode before = gateway.data(counts);
        String plays = "{ creatorByHandle(handle: \"linxia\") { works(first: 1) { edges { node { engagement { plays } } } } } }";
        JsonNode playsBefore = gateway.data(plays);
        DemoData.load(name -> LocalKeys.ROLES.contains(name) ? stack.gatewayAs(name, name + "-demo-data", null)
                : stack.gatewayAs("user", name, null), line -> { },
                OffsetDateTime.parse(Files.readString(STATE.resolve("demo-clock")).strip()));
        assertEquals(before, gateway.data(counts));
        assertEquals(playsBefore, gateway.data(plays), "engagement batches are not counted twice");
    }

    @Test
    void theAliasLimitIsTheConfiguredOne() {
        String twenty = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "a" + i + ": __typename")
                .collect(java.util.stream.Collectors.joining(" ", "{ ", " }"));
        assertEquals("Query", anonymous.data(twenty).get("a19").asText());
        JsonNode refused = anonymous.post(twenty.replace("}", " a20: __typename }"), Map.of());
        assertEquals("BAD_USER_INPUT", refused.at("/errors/0/extensions/code").asText(), refused::toString);
    }

    @Test
    void theGatewayForwardsTheTokenToTheSubgraphs() {
        String creator = UUID.randomUUID().toString();
        String token = LocalKeys.token(STATE, "creator", "e2e-subject", creator, Duration.ofMinutes(5));
        HttpRequest request = HttpRequest.newBuilder(stack.gatewayUrl()).header("content-type", "application/json")
                .header("authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ viewer { anonymous subject roles creatorId } }\"}"))
                .build();
        JsonNode viewer;
        try {
            viewer = new com.fasterxml.jackson.databind.ObjectMapper().readTree(HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString())
                    .body()).at("/data/viewer");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        assertFalse(viewer.get("anonymous").asBoolean(), viewer::toString);
        assertEquals("e2e-subject", viewer.get("subject").asText());
        assertEquals("creator", viewer.at("/roles/0").asText());
        assertEquals(creator, viewer.get("creatorId").asText());
        assertTrue(anonymous.data("{ viewer { anonymous } }").at("/viewer/anonymous").asBoolean(), "no token: anonymous");
    }

    static HttpResponse<String> postWithToken(URI endpoint, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint).header("content-type", "application/json")
                .header("authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ creators(first: 1) { totalCount } }\"}")).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    static int status(URI endpoint, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint).header("content-type", "application/json")
                .header("authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}")).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aQueryPastTheDepthLimitIsRefused() {
        String tooDeep = "{ creators { edges { node { works { edges { node { remixes { edges { node { credits { "
                + "creator { works { edges { node { credits { creator { handle } } } } } } } } } } } } } } } } }";
        JsonNode answer = gateway.post(tooDeep, Map.of());
        assertTrue(answer.hasNonNull("errors"), answer::toString);
        assertTrue(answer.at("/errors/0/message").asText().toLowerCase().contains("depth"), answer::toString);
        assertTrue(answer.path("data").isMissingNode() || answer.get("data").isNull(), answer::toString);
    }

    // --- supervision and resilience (README "Errors", "The two commands")

    /** Sends a signal (STOP, CONT) to a component's process, as a hang or its end would. */
    private static void signal(String component, String signal) throws Exception {
        long pid = stack.pid(component);
        assertTrue(pid > 0, component + " runs");
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor());
    }

    private static void awaitState(String component, String state, int restarts) throws InterruptedException {
        for (int i = 0; i < 1200 && !(stack.state(component).equals(state) && stack.restarts(component) >= restarts); i++) {
            Thread.sleep(100);
        }
        assertEquals(state, stack.state(component));
        assertTrue(stack.restarts(component) >= restarts, "restarts: " + stack.restarts(component));
    }

    /** The answer once it has no error: a circuit opened by a failure stays open 3 s (CHORUS_CIRCUIT_OPEN_MS). */
    private static JsonNode awaitWhole(String query) throws InterruptedException {
        JsonNode answer = null;
        for (int i = 0; i < 100; i++) {
            answer = anonymous.post(query, Map.of());
            if (!answer.hasNonNull("errors")) {
                return answer;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("still failing after 20 s: " + answer);
    }

    /** A service killed (SIGKILL) is restarted by the stack; meanwhile the other subgraphs kept answering. */
    @Test
    void aKilledServiceIsRestartedAndTheGraphIsWholeAgain() throws Exception {
        String readme = Files.readString(ROOT.resolve("gateway/example-query.graphql"));
        assertFalse(anonymous.post(readme, Map.of()).hasNonNull("errors"));
        int before = stack.restarts("content-service");
        ProcessHandle.of(stack.pid("content-service")).orElseThrow().destroyForcibly();
        int partials = 0;
        for (int i = 0; i < 600 && !(stack.state("content-service").equals("RUNNING")
                && stack.restarts("content-service") > before); i++) {
            JsonNode meanwhile = anonymous.post(readme, Map.of());
            assertEquals("林夏", meanwhile.at("/data/creatorByHandle/displayName").asText(),
                    "creator-service kept answering: " + meanwhile);
            if (meanwhile.hasNonNull("errors")) {
                assertEquals("UNAVAILABLE", meanwhile.at("/errors/0/extensions/code").asText(), meanwhile::toString);
                partials++;
            }
            Thread.sleep(200);
        }
        awaitState("content-service", "RUNNING", before + 1);
        assertTrue(partials > 0, "the gateway answered partial data while content-service was down");
        JsonNode whole = awaitWhole(readme);
        assertTrue(whole.at("/data/creatorByHandle/works/edges").size() > 0, whole::toString);
    }

    /**
     * A hung subgraph (SIGSTOP) costs the README's query one deadline, not one per step of its plan; after three
     * such failures the circuit opens and the query answers at once; once the subgraph is back the circuit closes.
     */
    @Test
    void aHungSubgraphCostsOneDeadlineThenItsCircuitOpensAndCloses() throws Exception {
        String readme = Files.readString(ROOT.resolve("gateway/example-query.graphql"));
        Path log = stack.logs().resolve("content-service.log");
        long logBefore = Files.size(log);
        signal("content-service", "STOP");
        try {
            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                JsonNode partial = anonymous.post(readme, Map.of());
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertEquals("林夏", partial.at("/data/creatorByHandle/displayName").asText(), partial::toString);
                assertTrue(partial.at("/data/creatorByHandle/works").isNull(), partial::toString);
                assertEquals("UNAVAILABLE", partial.at("/errors/0/extensions/code").asText(), partial::toString);
                assertEquals("content", partial.at("/errors/0/extensions/subgraph").asText(), partial::toString);
                assertTrue(took.compareTo(UPSTREAM_TIMEOUT.plusMillis(1500)) < 0, "one deadline, took " + took);
            }
            long started = System.nanoTime();
            JsonNode open = anonymous.post(readme, Map.of());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(Duration.ofSeconds(1)) < 0, "the open circuit answers at once, took " + took);
            assertEquals("林夏", open.at("/data/creatorByHandle/displayName").asText(), open::toString);
            assertEquals("content", open.at("/errors/0/extensions/subgraph").asText(), open::toString);
            assertTrue(open.at("/errors/0/message").asText().contains("skipped"), open::toString);
        } finally {
            signal("content-service", "CONT");
        }
        awaitWhole(readme);
        assertEquals("RUNNING", stack.state("content-service"));
        // back from SIGSTOP, the service found the requests the gateway had given up on: it stopped them quietly
        byte[] all = Files.readAllBytes(log);
        String since = new String(all, (int) Math.min(logBefore, all.length), all.length - (int) Math.min(logBefore,
                all.length), java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(since.contains("ERROR") || since.contains("cannot be blocked"), since);
    }

    /**
     * A mutation whose subgraph hangs answers UNAVAILABLE within the deadline (its outcome unknown); retried with
     * the same idempotency key it succeeds, and the venue exists once.
     */
    @Test
    void aMutationWhoseSubgraphHangsIsUnavailableAndItsRetryCountsOnce() throws Exception {
        String count = "{ venues(first: 1) { totalCount } }";
        String create = "mutation($i: CreateVenueInput!) { createVenue(input: $i) { id name } }";
        String name = unique("Hung Hall");
        Map<String, Object> venue = Map.of("i", Map.of("name", name, "city", "Chengdu", "address", "1 Hung Rd",
                "maxCapacity", 10, "idempotencyKey", "hung-" + UUID.randomUUID()));
        int before = gateway.data(count).at("/venues/totalCount").asInt();
        signal("events-service", "STOP");
        try {
            long started = System.nanoTime();
            JsonNode hung = gateway.post(create, venue);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertEquals("UNAVAILABLE", hung.at("/errors/0/extensions/code").asText(), hung::toString);
            assertEquals("events", hung.at("/errors/0/extensions/subgraph").asText(), hung::toString);
            assertTrue(took.compareTo(UPSTREAM_TIMEOUT.plusMillis(1500)) < 0, "within the deadline, took " + took);
        } finally {
            signal("events-service", "CONT");
        }
        JsonNode retried = null;
        for (int i = 0; i < 50; i++) { // a client retries UNAVAILABLE with the same key
            retried = gateway.post(create, venue);
            if (!"UNAVAILABLE".equals(retried.at("/errors/0/extensions/code").asText())) {
                break;
            }
            Thread.sleep(200);
        }
        assertFalse(retried.hasNonNull("errors"), "the retry neither fails: " + retried);
        String id = retried.at("/data/createVenue/id").asText();
        assertEquals(id, gateway.data(create, venue).at("/createVenue/id").asText());
        assertEquals(before + 1, gateway.data(count).at("/venues/totalCount").asInt(), "nor doubles");
    }

    /**
     * With a trusted-documents store (CHORUS_TRUSTED_DOCUMENTS) the gateway runs a registered document by its id and
     * refuses any other document, coded; without one (the default) any document runs.
     */
    @Test
    void withTrustedDocumentsOnlyRegisteredOperationsRun() throws Exception {
        String readme = Files.readString(ROOT.resolve("gateway/example-query.graphql"));
        String id = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(readme.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Path store = STATE.resolve("trusted-documents.json");
        Files.writeString(store, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of(id, readme)));
        stack.restartGateway(Map.of("CHORUS_TRUSTED_DOCUMENTS", store.toString()));
        try {
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            HttpResponse<String> registered = postJson("{\"documentId\":\"" + id + "\"}");
            assertEquals(200, registered.statusCode(), registered.body());
            assertEquals("林夏", json.readTree(registered.body()).at("/data/creatorByHandle/displayName").asText(),
                    registered.body());
            HttpResponse<String> arbitrary = postJson("{\"query\":\"{ creators(first: 1) { totalCount } }\"}");
            assertEquals("BAD_USER_INPUT", json.readTree(arbitrary.body()).at("/errors/0/extensions/code").asText(),
                    arbitrary.body());
            assertFalse(json.readTree(arbitrary.body()).has("data") && !json.readTree(arbitrary.body()).get("data").isNull(),
                    "nothing ran: " + arbitrary.body());
            HttpResponse<String> unknown = postJson("{\"documentId\":\"" + "0".repeat(64) + "\"}");
            assertEquals("BAD_USER_INPUT", json.readTree(unknown.body()).at("/errors/0/extensions/code").asText(),
                    unknown.body());
        } finally {
            stack.restartGateway(Map.of());
        }
        assertEquals("林夏", anonymous.data(readme).at("/creatorByHandle/displayName").asText(), "any document runs again");
    }

    /** The screens front-end teams asked for (issue 15), each one query through the gateway on the demo data. */
    @Test
    void aCreatorsPageAndACitysEventsAreOneQueryEach() throws Exception {
        JsonNode page = anonymous.data("""
                { creatorByHandle(handle: "linxia") {
                    works(orderBy: {field: MOST_PLAYED}, first: 10) { edges { cursor node { title engagement { plays } } } }
                    albums(filter: {boutique: true}) { edges { node { title boutique } } } } }""").get("creatorByHandle");
        List<Long> plays = new ArrayList<>();
        page.at("/works/edges").forEach(e -> plays.add(e.at("/node/engagement/plays").asLong()));
        assertTrue(plays.size() >= 2, page.toString());
        List<Long> sorted = new ArrayList<>(plays);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, plays, "most played first");
        assertTrue(plays.get(0) > 0, plays::toString);
        assertTrue(page.at("/albums/edges").size() >= 1, page.toString());
        page.at("/albums/edges").forEach(e -> assertTrue(e.at("/node/boutique").asBoolean()));

        List<String> byName = new ArrayList<>();
        for (String city : List.of("Shanghai", "上海", "shanghai", "ＳＨＡＮＧＨＡＩ")) {
            JsonNode events = anonymous.data("query($c: String) { events(filter: {city: $c}) { totalCount "
                    + "edges { node { id venue { city { name localName } } } } } }", Map.of("c", city)).get("events");
            assertTrue(events.get("totalCount").asInt() >= 1, city + ": " + events);
            assertEquals("上海", events.at("/edges/0/node/venue/city/localName").asText());
            List<String> ids = new ArrayList<>();
            events.at("/edges").forEach(e -> ids.add(e.at("/node/id").asText()));
            if (byName.isEmpty()) {
                byName.addAll(ids);
            }
            assertEquals(byName, ids, city + " finds the same events");
        }
    }

    @Test
    void answersAreCompressedForClientsThatAcceptItAndDecompressToTheSameAnswer() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String readme = Files.readString(ROOT.resolve("gateway/example-query.graphql"));
        String body = json.writeValueAsString(Map.of("query", readme));
        java.util.function.Function<String, HttpRequest.Builder> asking = encoding -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(stack.gatewayUrl()).header("content-type", "application/json")
                    .header("accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            return encoding == null ? b : b.header("accept-encoding", encoding);
        };
        HttpResponse<byte[]> plain = HTTP.send(asking.apply(null).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertTrue(plain.headers().firstValue("content-encoding").isEmpty());
        HttpResponse<byte[]> gzip = HTTP.send(asking.apply("gzip, deflate").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", gzip.headers().firstValue("content-encoding").orElse(""));
        byte[] unzipped = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzip.body())).readAllBytes();
        assertEquals(json.readTree(plain.body()), json.readTree(unzipped), "the same answer");
        assertTrue(gzip.body().length < plain.body().length, gzip.body().length + " of " + plain.body().length);
        HttpResponse<byte[]> brotli = HTTP.send(asking.apply("gzip, deflate, br, zstd").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("br", brotli.headers().firstValue("content-encoding").orElse(""));
        assertTrue(brotli.body().length <= gzip.body().length + 16, brotli.body().length + " vs gzip " + gzip.body().length);
        System.out.printf("[compression] README example answer: %d bytes plain, %d gzip, %d brotli%n",
                plain.body().length, gzip.body().length, brotli.body().length);
        String large = json.writeValueAsString(Map.of("query", "{ __schema { types { name description fields { name "
                + "description args { name description } } } } }"));
        HttpResponse<byte[]> schemaPlain = HTTP.send(HttpRequest.newBuilder(stack.gatewayUrl())
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(large)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> schemaBrotli = HTTP.send(HttpRequest.newBuilder(stack.gatewayUrl())
                .header("content-type", "application/json").header("accept-encoding", "br")
                .POST(HttpRequest.BodyPublishers.ofString(large)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("br", schemaBrotli.headers().firstValue("content-encoding").orElse(""));
        assertTrue(schemaBrotli.body().length * 5 < schemaPlain.body().length,
                schemaBrotli.body().length + " of " + schemaPlain.body().length);
        System.out.printf("[compression] schema introspection answer: %d bytes plain, %d brotli%n",
                schemaPlain.body().length, schemaBrotli.body().length);

        HttpResponse<byte[]> page = HTTP.send(HttpRequest.newBuilder(stack.gatewayUrl()).header("accept", "text/html")
                .header("accept-encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", page.headers().firstValue("content-encoding").orElse(""), "the GraphQL IDE page too");
        String html = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(page.body())).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(html.contains("<html") || html.contains("<!DOCTYPE"), html.substring(0, Math.min(200, html.length())));
        System.out.printf("[compression] GraphQL IDE page: %d bytes plain, %d gzip%n", html.getBytes(
                java.nio.charset.StandardCharsets.UTF_8).length, page.body().length);

        HttpResponse<String> compressedRequest = HTTP.send(HttpRequest.newBuilder(stack.gatewayUrl())
                .header("content-type", "application/json").header("content-encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(415, compressedRequest.statusCode(), compressedRequest.body());
        assertEquals("BAD_USER_INPUT", json.readTree(compressedRequest.body()).at("/errors/0/extensions/code").asText());
    }

    private static HttpResponse<String> postJson(String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(stack.gatewayUrl()).header("content-type", "application/json")
                .header("accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDemoDataAnswersTheReadmeExample() throws IOException {
        JsonNode data = anonymous.data(Files.readString(ROOT.resolve("gateway/example-query.graphql")));
        JsonNode creator = data.get("creatorByHandle");
        assertNotNull(creator);
        assertEquals("林夏", creator.get("displayName").asText());
        assertEquals("OUTSTANDING", creator.get("tier").asText());
        List<String> remixers = new ArrayList<>();
        for (JsonNode work : creator.at("/works/edges")) {
            for (JsonNode remix : work.at("/node/remixes/edges")) {
                remixers.add(remix.at("/node/credits/0/creator/handle").asText());
            }
        }
        assertTrue(remixers.contains("remix_fox"), remixers::toString);
        assertEquals("HEADLINER", creator.at("/performances/edges/0/node/role").asText());
        assertEquals("上海", creator.at("/performances/edges/0/node/event/venue/city/localName").asText());
        assertEquals("Shanghai", creator.at("/performances/edges/0/node/event/venue/city/name").asText());
    }
}
