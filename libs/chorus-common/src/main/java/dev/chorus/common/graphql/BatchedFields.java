package dev.chorus.common.graphql;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import io.smallrye.graphql.bootstrap.FederationDataFetcher;
import io.smallrye.graphql.execution.context.SmallRyeContext;
import io.smallrye.graphql.execution.datafetcher.AbstractDataFetcher;
import io.smallrye.graphql.execution.datafetcher.BatchDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.ArgumentHelper;
import io.smallrye.graphql.execution.datafetcher.helper.BatchLoaderHelper;
import io.smallrye.graphql.execution.metrics.MetricsEmitter;
import io.smallrye.graphql.schema.model.Operation;

/**
 * Batched fields ({@code @Source List<…>} resolvers) hand each parent to their DataLoader without SmallRye's
 * per-field context. SmallRye's {@code BatchDataFetcher} builds a full {@code Context} for every parent (the
 * selected fields under it as JSON twice, the path as a string) only to start a metrics timer and fire an event
 * nobody here listens to: for 50 parents that was a fifth of content-service's CPU (issue 16). The batch itself
 * still runs through SmallRye ({@code load}), which builds the context its resolver reads once per batch, from an
 * environment {@link Unselected} so that the context's selected fields are not built; SmallRye's other resolver
 * fetchers (root operations, single {@code @Source} fields, {@code _entities}) are handed the same.
 *
 * <p>Each {@code BatchDataFetcher} of the executed schema is replaced by {@link Fetcher}, which does what it did
 * (the same arguments, DataLoader, key and key context, and the {@code mp_graphql} timer with the tags it reads:
 * field name, source, operation type) and nothing else. SmallRye creates those fetchers itself, with no service to
 * plug another in, so the operation is read from the fetcher it made; a SmallRye version without it fails the start,
 * never silently (BatchedFieldsTest).
 */
public final class BatchedFields {
    private static final Map<GraphQLSchema, GraphQLSchema> LEAN = new IdentityHashMap<>();
    private static final BatchLoaderHelper NAMES = new BatchLoaderHelper();

    private BatchedFields() {
    }

    /** Made once per schema, as {@link StrictScalars#of} and for the same reason. */
    public static synchronized GraphQLSchema of(GraphQLSchema schema) {
        return LEAN.computeIfAbsent(schema, BatchedFields::replace);
    }

    private static GraphQLSchema replace(GraphQLSchema schema) {
        GraphQLCodeRegistry fetchers = schema.getCodeRegistry();
        GraphQLCodeRegistry registry = fetchers.transform(b -> {
            for (GraphQLNamedType type : schema.getAllTypesAsList()) {
                if (type instanceof GraphQLObjectType object) {
                    for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                        FieldCoordinates at = FieldCoordinates.coordinates(object, field);
                        DataFetcher<?> fetcher = fetchers.getDataFetcher(at, field);
                        if (fetcher instanceof BatchDataFetcher<?> smallRye) {
                            b.dataFetcher(at, new Fetcher(operationOf(smallRye)));
                        } else if (fetcher instanceof AbstractDataFetcher<?, ?>
                                || fetcher instanceof FederationDataFetcher) {
                            b.dataFetcher(at, (DataFetcher<?>) env -> fetcher.get(Unselected.of(env)));
                        }
                    }
                }
            }
        });
        return schema.transform(b -> b.codeRegistry(registry));
    }

    /** The operation SmallRye made its fetcher for (a private field: SmallRye offers no other way to it). */
    static Operation operationOf(BatchDataFetcher<?> fetcher) {
        try {
            java.lang.reflect.Field operation = BatchDataFetcher.class.getDeclaredField("operation");
            operation.setAccessible(true);
            return (Operation) operation.get(fetcher);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("SmallRye's BatchDataFetcher changed: its operation cannot be read", e);
        }
    }

    /** One parent into the field's DataLoader, exactly as SmallRye's fetcher puts it there. */
    static final class Fetcher implements DataFetcher<Object> {
        private final String loader;
        private final String field;
        private final ArgumentHelper arguments;
        private final MetricsEmitter metrics = MetricsEmitter.getInstance();

        Fetcher(Operation operation) {
            this.loader = NAMES.getName(operation);
            this.field = operation.getName();
            this.arguments = new ArgumentHelper(operation.getArguments());
        }

        String loader() {
            return loader;
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            List<Object> values = arguments.getArguments(environment, true);
            Map<String, Object> keyContext = new HashMap<>(4);
            keyContext.put(BatchLoaderHelper.ARGUMENTS, values);
            keyContext.put(BatchLoaderHelper.DATA_FETCHING_ENVIRONMENT, Unselected.of(environment));
            SmallRyeContext timed = new SmallRyeContext(BatchedFields.class.getName());
            timed.setFieldName(field);
            timed.setSource(environment.getSource());
            timed.setOperationType(environment.getOperationDefinition().getOperation().toString());
            Long measurement = metrics.start(timed);
            try {
                return environment.getDataLoader(loader).load(environment.getSource(), keyContext)
                        .whenComplete((value, failure) -> metrics.end(measurement));
            } catch (RuntimeException e) {
                metrics.end(measurement);
                throw e;
            }
        }
    }
}
