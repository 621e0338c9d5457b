package dev.chorus.creator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.chorus.test.PostgresTestResource;
import dev.chorus.test.SqlStatementCounter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class BatchingTest {
    static final String NESTED = "query($f: CreatorFilter, $first: Int) { creators(filter: $f, first: $first) { "
            + "totalCount edges { node { id handle aliases { name } platformAccounts { platform externalId } "
            + "tierHistory { to reason } } } } }";

    private static String genre;

    @BeforeEach
    void sixtyCreatorsWithNestedData() {
        if (genre != null) {
            return; // made once for the class; the tests only read
        }
        genre = GraphQL.uniqueHandle("batch");
        for (int i = 0; i < 60; i++) {
            String id = GraphQL.register(Map.of("handle", GraphQL.uniqueHandle("b" + i), "displayName", "歌手" + i,
                    "kind", "PERSON", "genres", List.of(genre),
                    "aliases", List.of(Map.of("name", "Singer " + i, "locale", "en"))));
            GraphQL.ok("mutation($id: ID!, $x: String!) { linkPlatformAccount(input: {creatorId: $id, "
                    + "platform: BILIBILI, externalId: $x}) { id } }",
                    Map.of("id", id, "x", PlatformAccountTest.bilibiliUid()));
        }
    }

    private long statementsFor(int first, SqlStatementCounter sql) {
        sql.reset();
        JsonPath page = GraphQL.ok(NESTED, Map.of("f", Map.of("genre", genre), "first", first));
        assertEquals(first, page.getList("data.creators.edges").size());
        assertEquals(60, page.getInt("data.creators.totalCount"));
        for (int i = 0; i < first; i++) {
            assertEquals(1, page.getList("data.creators.edges[" + i + "].node.aliases").size());
            assertEquals(1, page.getList("data.creators.edges[" + i + "].node.platformAccounts").size());
            assertEquals(1, page.getList("data.creators.edges[" + i + "].node.tierHistory").size());
        }
        return sql.count();
    }

    @Test
    void nestedFieldsCostTheSameStatementsForFiftyCreatorsAsForOne() {
        try (SqlStatementCounter sql = SqlStatementCounter.forApplicationDatabase()) {
            long one = statementsFor(1, sql);
            long fifty = statementsFor(50, sql);
            assertEquals(one, fifty, "statements for first: 1 and first: 50");
            assertEquals(5, fifty, "page, count, aliases, platform accounts, tier history");
        }
    }

    @Test
    void aliasesAndSiblingBatchedFieldsInOneRequestNeverShareASession() {
        String query = "query($f: CreatorFilter) { "
                + "a: creators(filter: $f, first: 30) { edges { node { id aliases { name } platformAccounts { platform } } } } "
                + "b: creators(filter: $f, first: 30) { totalCount edges { node { tierHistory { to } aliases { locale } } } } "
                + "c: creators(filter: $f, first: 5) { edges { node { platformAccounts { externalId } tierHistory { at } } } } }";
        for (int attempt = 0; attempt < 20; attempt++) {
            JsonPath answer = GraphQL.post(query, Map.of("f", Map.of("genre", genre)));
            assertNull(answer.get("errors"), answer::prettify);
            assertEquals(30, answer.getList("data.a.edges").size());
            assertEquals(60, answer.getInt("data.b.totalCount"));
            assertTrue(answer.getList("data.c.edges.node.platformAccounts.externalId").stream()
                    .allMatch(accounts -> ((List<?>) accounts).size() == 1));
        }
    }
}
