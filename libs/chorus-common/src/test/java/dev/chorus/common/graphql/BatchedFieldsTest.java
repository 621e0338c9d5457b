package dev.chorus.common.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.dataloader.BatchLoaderWithContext;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.junit.jupiter.api.Test;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.Scalars;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import io.smallrye.graphql.execution.datafetcher.BatchDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.BatchLoaderHelper;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.OperationType;
import io.smallrye.graphql.schema.model.Reference;

class BatchedFieldsTest {
    /** A schema like SmallRye makes: Query.songs (plain) and Song.tags, batched by SmallRye's BatchDataFetcher. */
    private static GraphQLSchema schema() {
        Operation tags = new Operation(BatchedFieldsTest.class.getName(), "tags", "tags", "tags", new Reference(),
                OperationType.QUERY, null);
        tags.setSourceFieldOn(new Reference.Builder().name("Song").build());
        GraphQLObjectType song = GraphQLObjectType.newObject().name("Song")
                .field(GraphQLFieldDefinition.newFieldDefinition().name("title").type(Scalars.GraphQLString))
                .field(GraphQLFieldDefinition.newFieldDefinition().name("tags").type(GraphQLList.list(Scalars.GraphQLString)))
                .build();
        GraphQLObjectType query = GraphQLObjectType.newObject().name("Query")
                .field(GraphQLFieldDefinition.newFieldDefinition().name("songs").type(GraphQLList.list(song))).build();
        GraphQLCodeRegistry registry = GraphQLCodeRegistry.newCodeRegistry()
                .dataFetcher(FieldCoordinates.coordinates("Query", "songs"),
                        (DataFetcher<?>) env -> List.of(Map.of("title", "a"), Map.of("title", "b"), Map.of("title", "c")))
                .dataFetcher(FieldCoordinates.coordinates("Song", "tags"), new BatchDataFetcher<>(tags, null))
                .build();
        return GraphQLSchema.newSchema().query(query).codeRegistry(registry).build();
    }

    @Test
    void replacesSmallRyesBatchFetcherKeepingItsLoaderName() {
        GraphQLSchema original = schema();
        GraphQLSchema lean = BatchedFields.of(original);
        GraphQLObjectType song = lean.getObjectType("Song");
        DataFetcher<?> tags = lean.getCodeRegistry().getDataFetcher(song, song.getFieldDefinition("tags"));
        BatchedFields.Fetcher fetcher = assertInstanceOf(BatchedFields.Fetcher.class, tags);
        Operation operation = BatchedFields.operationOf((BatchDataFetcher<?>) original.getCodeRegistry()
                .getDataFetcher(original.getObjectType("Song"), original.getObjectType("Song").getFieldDefinition("tags")));
        assertEquals(new BatchLoaderHelper().getName(operation), fetcher.loader());
        assertEquals("Song_tags", fetcher.loader());
        assertSame(lean, BatchedFields.of(original), "made once per schema");
    }

    /** Every parent reaches the DataLoader as its key, in one batch, with SmallRye's key context. */
    @Test
    void everyParentGoesIntoOneBatch() {
        List<List<Object>> batches = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Object> contexts = new java.util.concurrent.CopyOnWriteArrayList<>();
        BatchLoaderWithContext<Object, Object> loader = (keys, environment) -> {
            batches.add(List.copyOf(keys));
            contexts.addAll(environment.getKeyContextsList());
            return CompletableFuture.completedFuture(
                    keys.stream().map(k -> (Object) List.of(((Map<?, ?>) k).get("title") + "!")).toList());
        };
        DataLoader<Object, Object> dataLoader = DataLoaderFactory.newDataLoader(loader);
        DataLoaderRegistry registry = new DataLoaderRegistry();
        registry.register("Song_tags", dataLoader);
        ExecutionResult result = GraphQL.newGraphQL(BatchedFields.of(schema())).build().execute(
                ExecutionInput.newExecutionInput("{ songs { title tags } }").dataLoaderRegistry(registry).build());
        assertEquals(List.of(), result.getErrors());
        assertEquals(Map.of("songs", List.of(Map.of("title", "a", "tags", List.of("a!")),
                Map.of("title", "b", "tags", List.of("b!")), Map.of("title", "c", "tags", List.of("c!")))),
                result.getData());
        assertEquals(1, batches.size(), "one batch for all parents");
        assertEquals(3, batches.get(0).size());
        Map<?, ?> context = (Map<?, ?>) contexts.get(0);
        assertEquals(List.of(), context.get(BatchLoaderHelper.ARGUMENTS));
        graphql.schema.DataFetchingEnvironment environment = assertInstanceOf(
                graphql.schema.DataFetchingEnvironment.class, context.get(BatchLoaderHelper.DATA_FETCHING_ENVIRONMENT));
        assertEquals("tags", environment.getField().getName());
        assertEquals(List.of(), environment.getSelectionSet().getFields(), "SmallRye builds no selected fields");
    }
}
