package dev.chorus.common.warmup;

import java.util.List;

import jakarta.json.JsonObject;

/**
 * What a service replays to warm itself ({@link Warmup}): the reads the gateway sends it most, made from real rows.
 * Anonymous reads only, so nothing is written and nothing hidden is touched.
 */
public interface WarmupRequests {
    /** A query whose answer the requests are made from (ids of real rows). */
    String seed();

    /** The requests to replay, as GraphQL request bodies ({@code {"query": …, "variables": …}}). */
    List<JsonObject> requests(JsonObject seedData);
}
