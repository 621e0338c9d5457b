package dev.chorus.content.work;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import dev.chorus.common.warmup.WarmupRequests;

/** content-service's warm-up: creators' works with remixes and credits, works as entities, the list of works. */
@ApplicationScoped
public class WorkWarmup implements WarmupRequests {
    static final String CREATORS = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Creator { "
            + "works(first: 5) { totalCount edges { cursor node { id title engagement { plays } remixes(first: 5) { "
            + "edges { node { id credits { role creator { ref } } } } } } } } albums { totalCount } } } }";
    static final String WORKS = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Work { id title kind "
            + "credits { role creator { ref } } derivedFrom { id } } } }";
    static final String LIST = "{ works(first: 20) { totalCount edges { cursor node { id title kind } } } }";

    @Override
    public String seed() {
        return "{ works(first: 50) { edges { node { id credits { creator { ref } } } } } }";
    }

    @Override
    public List<JsonObject> requests(JsonObject seed) {
        Set<String> creators = new LinkedHashSet<>();
        List<String> works = new ArrayList<>();
        for (JsonValue edge : seed.getJsonObject("works").getJsonArray("edges")) {
            JsonObject node = edge.asJsonObject().getJsonObject("node");
            works.add(node.getString("id"));
            for (JsonValue credit : node.getJsonArray("credits")) {
                creators.add(credit.asJsonObject().getJsonObject("creator").getString("ref"));
            }
        }
        List<JsonObject> bodies = new ArrayList<>();
        if (works.isEmpty()) {
            return bodies;
        }
        List<String> refs = new ArrayList<>(creators);
        for (int from = 0; from < refs.size(); from += 10) {
            bodies.add(WarmupRequests.body(CREATORS, "r", WarmupRequests.representations("Creator", "ref",
                    refs.subList(from, Math.min(refs.size(), from + 10)))));
        }
        bodies.add(WarmupRequests.body(WORKS, "r", WarmupRequests.representations("Work", "id", works)));
        bodies.add(WarmupRequests.body(LIST));
        return bodies;
    }
}
