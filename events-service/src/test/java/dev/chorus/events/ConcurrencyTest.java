package dev.chorus.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.chorus.test.Client;
import dev.chorus.test.GraphQLClient;
import dev.chorus.test.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ConcurrencyTest {

    /** Runs the calls at once, on as many threads, and answers their results in call order. */
    private static List<JsonPath> allAtOnce(List<Callable<JsonPath>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<JsonPath>> futures = new ArrayList<>();
            for (Callable<JsonPath> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<JsonPath> results = new ArrayList<>();
            for (Future<JsonPath> future : futures) {
                JsonPath result = future.get(120, TimeUnit.SECONDS);
                assertNull(result.get("errors"), result::prettify);
                results.add(result);
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    record Seat(String id, int queueNumber, String status) {
    }

    @Test
    void twoHundredRacingForFiftySeatsNeverOversellAndTenCancellationsPromoteTen() throws Exception {
        String event = Events.publishedEvent(50, 24);
        List<JsonPath> answers = allAtOnce(IntStream.range(0, 200).<Callable<JsonPath>> mapToObj(i ->
                () -> Client.user("racer-" + i).post(Events.REGISTER, Map.of("e", event))).toList());

        List<Seat> seats = answers.stream().map(a -> new Seat(a.getString("data.registerForEvent.id"),
                a.getInt("data.registerForEvent.queueNumber"), a.getString("data.registerForEvent.status")))
                .sorted(Comparator.comparingInt(Seat::queueNumber)).toList();
        assertEquals(IntStream.rangeClosed(1, 200).boxed().toList(), seats.stream().map(Seat::queueNumber).toList(),
                "every registration has its own place in the queue");
        assertEquals(50, seats.stream().filter(s -> s.status().equals("CONFIRMED")).count());
        assertEquals(150, seats.stream().filter(s -> s.status().equals("WAITLISTED")).count());
        // in arrival order as the database saw it: the first 50 in the queue hold the seats
        assertEquals(List.of("CONFIRMED"), seats.subList(0, 50).stream().map(Seat::status).distinct().toList());
        assertEquals(List.of("WAITLISTED"), seats.subList(50, 200).stream().map(Seat::status).distinct().toList());
        JsonPath counts = GraphQLClient.ok("query($id: ID!) { event(id: $id) { seatsRemaining waitlistLength } }",
                Map.of("id", event));
        assertEquals(0, counts.getInt("data.event.seatsRemaining"));
        assertEquals(150, counts.getInt("data.event.waitlistLength"));

        List<Seat> cancelled = seats.subList(10, 20);
        allAtOnce(cancelled.stream().<Callable<JsonPath>> map(s ->
                () -> GraphQLClient.post(Events.CANCEL, Map.of("id", s.id()))).toList());

        JsonPath confirmed = GraphQLClient.ok("query($id: ID!) { event(id: $id) { seatsRemaining waitlistLength "
                + "registrations(status: CONFIRMED, first: 100) { totalCount edges { node { queueNumber } } } } }",
                Map.of("id", event)).setRootPath("data.event");
        assertEquals(0, confirmed.getInt("seatsRemaining"));
        assertEquals(140, confirmed.getInt("waitlistLength"));
        assertEquals(50, confirmed.getInt("registrations.totalCount"));
        List<Integer> expected = new ArrayList<>(IntStream.rangeClosed(1, 10).boxed().toList());
        expected.addAll(IntStream.rangeClosed(21, 60).boxed().toList());
        assertEquals(expected, confirmed.getList("registrations.edges.node.queueNumber"),
                "the ten promoted are the first ten who waited");
    }

    @Test
    void fiftyConcurrentDuplicateRegistrationsMakeOne() throws Exception {
        String event = Events.publishedEvent(10, 24);
        List<JsonPath> answers = allAtOnce(IntStream.range(0, 50).<Callable<JsonPath>> mapToObj(i ->
                () -> Client.user("same-person").post(Events.REGISTER, Map.of("e", event))).toList());
        assertEquals(1, answers.stream().map(a -> a.getString("data.registerForEvent.id")).distinct().count());
        JsonPath counts = GraphQLClient.ok("query($id: ID!) { event(id: $id) { seatsRemaining "
                + "registrations { totalCount } } }", Map.of("id", event));
        assertEquals(9, counts.getInt("data.event.seatsRemaining"));
        assertEquals(1, counts.getInt("data.event.registrations.totalCount"));
    }
}
