package dev.chorus.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.chorus.test.Client;
import dev.chorus.test.GraphQLClient;
import dev.chorus.test.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A batched field asked twice under aliases with different arguments must not answer one alias with the other's
 * arguments (SmallRye batches by field, taking one set of arguments): such a request is refused before anything
 * runs, and asking for one argument set per request answers right.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class AliasTest {
    @Test
    void aliasesOfABatchedFieldWithDifferentArgumentsAreRefused() {
        String event = Events.publishedEvent(1, 48);
        Client.user("alias-1").ok(Events.REGISTER, Map.of("e", event));
        Client.user("alias-2").ok(Events.REGISTER, Map.of("e", event));
        String both = "query($e: ID!) { event(id: $e) { confirmed: registrations(status: CONFIRMED) { totalCount } "
                + "waitlisted: registrations(status: WAITLISTED) { totalCount } } }";
        GraphQLClient.fails("BAD_USER_INPUT", null, both, Map.of("e", event));
        assertEquals(1, GraphQLClient.ok("query($e: ID!) { event(id: $e) { registrations(status: WAITLISTED) "
                + "{ totalCount } } }", Map.of("e", event)).getInt("data.event.registrations.totalCount"));
        // the same arguments twice are fine
        GraphQLClient.ok("query($e: ID!) { event(id: $e) { a: registrations(status: CONFIRMED) { totalCount } "
                + "b: registrations(status: CONFIRMED) { totalCount } } }", Map.of("e", event));
        // so are different arguments on root fields, which are not batched
        GraphQLClient.ok("{ a: events(first: 1) { totalCount } b: events(first: 2) { totalCount } }");
        // a mutation with such a selection is refused before it changes anything
        String late = Events.publishedEvent(5, 48);
        Client.user("alias-3").fails("BAD_USER_INPUT", null, "mutation($e: ID!) { registerForEvent(input: {eventId: $e}) "
                + "{ event { a: registrations(status: CONFIRMED) { totalCount } b: registrations(status: WAITLISTED) "
                + "{ totalCount } } } }", Map.of("e", late));
        assertEquals(5, GraphQLClient.ok("query($e: ID!) { event(id: $e) { seatsRemaining } }", Map.of("e", late))
                .getInt("data.event.seatsRemaining"));
    }
}
