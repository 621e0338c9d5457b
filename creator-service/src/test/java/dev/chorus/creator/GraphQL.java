package dev.chorus.creator;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import dev.chorus.test.GraphQLClient;
import io.restassured.path.json.JsonPath;

/** creator-service requests the tests share, sent through {@link GraphQLClient}. */
final class GraphQL {
    static final String CREATOR_FIELDS = """
            id handle displayName kind bio region genres status suspendedAt suspensionReason
            verified verifiedAt tier joinedAt updatedAt
            aliases { name locale primary }
            platformAccounts { platform externalId linkedAt }
            tierHistory { from to reason at }
            """;

    private GraphQL() {
    }

    static JsonPath post(String query) {
        return GraphQLClient.post(query, Map.of());
    }

    static JsonPath post(String query, Map<String, Object> variables) {
        return GraphQLClient.post(query, variables);
    }

    static JsonPath ok(String query, Map<String, Object> variables) {
        return GraphQLClient.ok(query, variables);
    }

    static JsonPath ok(String query) {
        return GraphQLClient.ok(query);
    }

    static JsonPath fails(String code, String field, String query, Map<String, Object> variables) {
        return GraphQLClient.fails(code, field, query, variables);
    }

    /** A handle no other test uses. */
    static String uniqueHandle(String prefix) {
        return prefix + "_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 45), 36);
    }

    static final String REGISTER = "mutation($input: RegisterCreatorInput!) { registerCreator(input: $input) { "
            + CREATOR_FIELDS + " } }";

    /** Registers a creator and returns its id. */
    static String register(Map<String, Object> input) {
        return ok(REGISTER, Map.of("input", input)).getString("data.registerCreator.id");
    }

    static String register(String handle) {
        return register(Map.of("handle", handle, "displayName", handle, "kind", "PERSON"));
    }
}
