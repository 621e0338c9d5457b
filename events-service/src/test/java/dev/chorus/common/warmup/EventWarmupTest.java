package dev.chorus.common.warmup;

import java.net.URL;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.chorus.events.event.EventWarmup;
import dev.chorus.test.GraphQLClient;
import dev.chorus.test.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** events-service warms itself with requests that all answer (README "Configuration": CHORUS_WARMUP_SECONDS). */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class EventWarmupTest {
    @TestHTTPResource("/")
    URL root;
    @Inject
    EventWarmup requests;

    @Test
    void theWarmUpReplaysReadsThatAllAnswerAndIsNotReadyUntilDone() throws Exception {
        String venue = GraphQLClient.ok("mutation($i: CreateVenueInput!) { createVenue(input: $i) { id } }", Map.of("i",
                Map.of("name", "Warm Hall", "city", "上海", "address", "1 Road", "maxCapacity", 100)))
                .getString("data.createVenue.id");
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).plusDays(2);
        String event = GraphQLClient.ok("mutation($i: CreateEventInput!) { createEvent(input: $i) { id } }", Map.of("i",
                Map.of("title", "warm", "kind", "CONCERT", "organizer", "JOINT", "venueId", venue,
                        "startsAt", start.toString(), "endsAt", start.plusHours(2).toString(), "timeZone", "Asia/Shanghai",
                        "capacity", 50, "opensAt", start.minusDays(3).toString(), "closesAt", start.toString())))
                .getString("data.createEvent.id");
        GraphQLClient.ok("mutation($i: SetLineupInput!) { setLineup(input: $i) { id } }", Map.of("i", Map.of("eventId", event,
                "slots", List.of(Map.of("creatorId", UUID.randomUUID().toString(), "role", "HEADLINER")))));
        GraphQLClient.ok("mutation($id: ID!) { publishEvent(input: {id: $id}) { id } }", Map.of("id", event));
        WarmupAssertions.warmsWithoutFailures(new Warmup(2, root.getPort(), requests));
    }
}
