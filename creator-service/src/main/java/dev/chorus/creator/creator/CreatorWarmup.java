package dev.chorus.creator.creator;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import dev.chorus.common.warmup.WarmupRequests;

/** creator-service's warm-up: creators by handle, as entities of the gateway's plans, and the filtered list. */
@ApplicationScoped
public class CreatorWarmup implements WarmupRequests {
    static final String BY_HANDLE = "query($h: String!) { creatorByHandle(handle: $h) { id handle displayName tier "
            + "verified aliases { name locale } platformAccounts { platform externalId } } }";
    static final String ENTITIES = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Creator { id handle "
            + "displayName tier verified aliases { name } } } }";
    static final String LIST = "{ creators(first: 20) { totalCount edges { cursor node { id handle displayName genres } } } }";

    @Override
    public String seed() {
        return "{ creators(first: 50) { edges { node { id handle } } } }";
    }

    @Override
    public List<JsonObject> requests(JsonObject seed) {
        List<String> ids = new ArrayList<>();
        List<JsonObject> bodies = new ArrayList<>();
        for (JsonValue edge : seed.getJsonObject("creators").getJsonArray("edges")) {
            JsonObject node = edge.asJsonObject().getJsonObject("node");
            ids.add(node.getString("id"));
            bodies.add(WarmupRequests.body(BY_HANDLE, "h", node.getString("handle")));
        }
        if (bodies.isEmpty()) {
            return bodies;
        }
        bodies.add(WarmupRequests.body(ENTITIES, "r", WarmupRequests.representations("Creator", "id", ids)));
        bodies.add(WarmupRequests.body(LIST));
        return bodies;
    }
}
