package dev.chorus.common.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.smallrye.graphql.execution.context.SmallRyeContext;

/** {@link Selections#wants} reads the document: direct selections only, through fragments, behind aliases. */
class SelectionsTest {
    private final List<Boolean> answers = new CopyOnWriteArrayList<>();

    private GraphQL graphQL() {
        String sdl = "type Query { works: WorkConnection } "
                + "type WorkConnection { totalCount: Int edges: [Edge] } type Edge { node: Work } "
                + "type Work { title: String remixes: WorkConnection }";
        DataFetcher<?> connection = env -> {
            SmallRyeContext context = new SmallRyeContext(SelectionsTest.class.getName());
            context.setDataFetchingEnvironment(Unselected.of(env)); // as SmallRye's fetchers now see it
            answers.add(Selections.wants(context, "totalCount"));
            return Map.of("totalCount", 1, "edges", List.of(Map.of("node", Map.of("title", "t"))));
        };
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", t -> t.dataFetcher("works", connection))
                .type("Work", t -> t.dataFetcher("remixes", connection)).build();
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(sdl), wiring);
        return GraphQL.newGraphQL(schema).build();
    }

    private List<Boolean> ask(String query) {
        answers.clear();
        ExecutionResult result = graphQL().execute(query);
        assertEquals(List.of(), result.getErrors(), query);
        return List.copyOf(answers);
    }

    @Test
    void aDirectSelectionIsWanted() {
        assertEquals(List.of(true), ask("{ works { totalCount } }"));
        assertEquals(List.of(true), ask("{ works { n: totalCount } }"));
    }

    @Test
    void aSelectionDeeperDownIsNot() {
        assertEquals(List.of(false, true), ask("{ works { edges { node { remixes { totalCount } } } } }"));
        assertEquals(List.of(false), ask("{ works { edges { node { title } } } }"));
    }

    @Test
    void fragmentsAreFollowed() {
        assertEquals(List.of(true), ask("{ works { ... on WorkConnection { totalCount } } }"));
        assertEquals(List.of(true), ask("{ works { ...C } } fragment C on WorkConnection { ... { totalCount } }"));
        assertEquals(List.of(false), ask("{ works { ...C } } fragment C on WorkConnection { edges { node { title } } }"));
    }

    @Test
    void twoSelectionsOfTheSameFieldAreMerged() {
        assertEquals(List.of(true), ask("{ works { edges { node { title } } } works { totalCount } }"));
    }

    @Test
    void unselectedHidesTheSelectionSetOnly() {
        List<Object> seen = new CopyOnWriteArrayList<>();
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring().type("Query", t -> t.dataFetcher("works", env -> {
            var unselected = Unselected.of(env);
            seen.add(unselected.getSelectionSet().getFields());
            seen.add(unselected.getField().getName());
            seen.add(unselected.getArgument("first"));
            seen.add(Unselected.of(unselected) == unselected);
            return null;
        })).build();
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser()
                .parse("type Query { works(first: Int): W } type W { totalCount: Int }"), wiring);
        GraphQL.newGraphQL(schema).build().execute("{ works(first: 3) { totalCount } }");
        assertEquals(List.of(List.of(), "works", 3, true), seen);
    }
}
