package dev.chorus.events.event;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import dev.chorus.common.warmup.WarmupRequests;

/** events-service's warm-up: creators' performances, events with line-up and seats, the list of events. */
@ApplicationScoped
public class EventWarmup implements WarmupRequests {
    static final String PERFORMANCES = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Creator { "
            + "performances(upcoming: true) { totalCount edges { node { role event { id title seatsRemaining "
            + "venue { name city { name localName } } } } } } } } }";
    static final String EVENT = "query($id: ID!) { event(id: $id) { id title startsAt seatsRemaining waitlistLength "
            + "venue { name } lineup { role creator { ref } } setlist { work { ref } } } }";
    static final String LIST = "{ events(first: 20) { totalCount edges { cursor node { id title startsAt } } } }";

    @Override
    public String seed() {
        return "{ events(first: 20) { edges { node { id lineup { creator { ref } } } } } }";
    }

    @Override
    public List<JsonObject> requests(JsonObject seed) {
        Set<String> creators = new LinkedHashSet<>();
        List<JsonObject> bodies = new ArrayList<>();
        for (JsonValue edge : seed.getJsonObject("events").getJsonArray("edges")) {
            JsonObject node = edge.asJsonObject().getJsonObject("node");
            bodies.add(WarmupRequests.body(EVENT, "id", node.getString("id")));
            for (JsonValue slot : node.getJsonArray("lineup")) {
                JsonValue creator = slot.asJsonObject().get("creator"); // null for a creator hidden from anonymous
                if (creator != null && creator.getValueType() == JsonValue.ValueType.OBJECT) {
                    creators.add(creator.asJsonObject().getString("ref"));
                }
            }
        }
        if (bodies.isEmpty()) {
            return bodies;
        }
        if (!creators.isEmpty()) {
            bodies.add(WarmupRequests.body(PERFORMANCES, "r", WarmupRequests.representations("Creator", "ref", creators)));
        }
        bodies.add(WarmupRequests.body(LIST));
        return bodies;
    }
}
