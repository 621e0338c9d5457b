package dev.chorus.content.work;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
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
        JsonArrayBuilder works = Json.createArrayBuilder();
        int count = 0;
        for (JsonValue edge : seed.getJsonObject("works").getJsonArray("edges")) {
            JsonObject node = edge.asJsonObject().getJsonObject("node");
            works.add(Json.createObjectBuilder().add("__typename", "Work").add("id", node.getString("id")));
            count++;
            for (JsonValue credit : node.getJsonArray("credits")) {
                creators.add(credit.asJsonObject().getJsonObject("creator").getString("ref"));
            }
        }
        List<JsonObject> bodies = new ArrayList<>();
        if (count == 0) {
            return bodies;
        }
        List<String> refs = new ArrayList<>(creators);
        for (int from = 0; from < refs.size(); from += 10) {
            JsonArrayBuilder representations = Json.createArrayBuilder();
            refs.subList(from, Math.min(refs.size(), from + 10)).forEach(ref -> representations
                    .add(Json.createObjectBuilder().add("__typename", "Creator").add("ref", ref)));
            bodies.add(Json.createObjectBuilder().add("query", CREATORS)
                    .add("variables", Json.createObjectBuilder().add("r", representations)).build());
        }
        bodies.add(Json.createObjectBuilder().add("query", WORKS)
                .add("variables", Json.createObjectBuilder().add("r", works)).build());
        bodies.add(Json.createObjectBuilder().add("query", LIST).build());
        return bodies;
    }
}
