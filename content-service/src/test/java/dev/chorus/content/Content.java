package dev.chorus.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.chorus.test.GraphQLClient;

/** content-service requests the tests share. */
final class Content {
    static final String WORK_FIELDS = """
            id title kind language genre durationSeconds isrc iswc status releasedAt bilibiliBvid qqMusicSongMid
            createdAt updatedAt
            credits { position creator { ref } role creditedAs }
            royaltySplits { creator { ref } share }
            derivedFrom { id title }
            """;
    static final String CREATE_WORK = "mutation($input: CreateWorkInput!) { createWork(input: $input) { "
            + WORK_FIELDS + " } }";
    static final String PUBLISH = "mutation($id: ID!) { publishWork(input: {id: $id}) { id status releasedAt } }";

    private Content() {
    }

    static String creator() {
        return UUID.randomUUID().toString();
    }

    /** A valid, unique ISRC. */
    static String isrc() {
        return "CNC" + String.format("%02d", ThreadLocalRandom.current().nextInt(100))
                + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    static Map<String, Object> work(String title, String kind, String performer) {
        Map<String, Object> input = new HashMap<>();
        input.put("title", title);
        input.put("kind", kind);
        input.put("durationSeconds", 215);
        input.put("credits", new ArrayList<>(List.of(Map.of("creatorId", performer, "role", "PERFORMER"))));
        return input;
    }

    static String createWork(Map<String, Object> input) {
        return GraphQLClient.ok(CREATE_WORK, Map.of("input", input)).getString("data.createWork.id");
    }

    /** A PUBLISHED work with an ISRC, performed by {@code performer}. */
    static String publishedWork(String title, String kind, String derivedFrom, String performer) {
        Map<String, Object> input = work(title, kind, performer);
        input.put("isrc", isrc());
        if (derivedFrom != null) {
            input.put("derivedFromId", derivedFrom);
        }
        String id = createWork(input);
        GraphQLClient.ok(PUBLISH, Map.of("id", id));
        return id;
    }
}
