package dev.chorus.events;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.chorus.test.GraphQLClient;

/** events-service requests the tests share. */
final class Events {
    static final String EVENT_FIELDS = "id title kind organizer description startsAt endsAt timeZone capacity opensAt "
            + "closesAt status seatsRemaining waitlistLength venue { id name city { name localName } }";
    static final String CREATE_EVENT = "mutation($input: CreateEventInput!) { createEvent(input: $input) { "
            + EVENT_FIELDS + " } }";
    static final String PUBLISH = "mutation($id: ID!) { publishEvent(input: {id: $id}) { id status } }";
    /** Registers the caller: send it as the attendee, e.g. {@code Client.user("ann").ok(REGISTER, ...)}. */
    static final String REGISTER = "mutation($e: ID!) { registerForEvent(input: {eventId: $e}) "
            + "{ id attendeeId queueNumber status } }";
    static final String CANCEL = "mutation($id: ID!) { cancelRegistration(input: {id: $id}) { id status } }";

    private Events() {
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }

    /** A city of the test's own (staff add it), by its canonical name; its local name is that plus " 市". */
    static String newCity(String prefix) {
        String name = prefix + " " + UUID.randomUUID().toString().substring(0, 8);
        GraphQLClient.ok("mutation($i: AddCityInput!) { addCity(input: $i) { id } }",
                Map.of("i", Map.of("name", name, "localName", name + " 市")));
        return name;
    }

    static String venue(String city, int maxCapacity) {
        return GraphQLClient.ok("mutation($input: CreateVenueInput!) { createVenue(input: $input) { id } }",
                Map.of("input", Map.of("name", "Livehouse " + UUID.randomUUID().toString().substring(0, 8),
                        "city", city, "address", "No. 1 Music Road", "maxCapacity", maxCapacity)))
                .getString("data.createVenue.id");
    }

    /** An event starting in {@code startsInHours}, lasting 3 hours, registration open from an hour ago until it starts. */
    static Map<String, Object> event(String venue, int capacity, long startsInHours) {
        OffsetDateTime start = now().plusHours(startsInHours);
        Map<String, Object> input = new HashMap<>();
        input.put("title", "夏日音乐会");
        input.put("kind", "CONCERT");
        input.put("organizer", "JOINT");
        input.put("venueId", venue);
        input.put("startsAt", start.withOffsetSameInstant(ZoneOffset.ofHours(8)).toString());
        input.put("endsAt", start.plusHours(3).toString());
        input.put("timeZone", "Asia/Shanghai");
        input.put("capacity", capacity);
        input.put("opensAt", now().minusHours(1).toString());
        input.put("closesAt", start.toString());
        return input;
    }

    static String createEvent(Map<String, Object> input) {
        return GraphQLClient.ok(CREATE_EVENT, Map.of("input", input)).getString("data.createEvent.id");
    }

    /** A PUBLISHED event open for registration. */
    static String publishedEvent(int capacity, long startsInHours) {
        String id = createEvent(event(venue("上海", Math.max(capacity, 10)), capacity, startsInHours));
        GraphQLClient.ok(PUBLISH, Map.of("id", id));
        return id;
    }
}
