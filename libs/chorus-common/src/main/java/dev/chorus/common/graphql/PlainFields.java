package dev.chorus.common.graphql;

import java.lang.reflect.Method;

import graphql.GraphQLException;
import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import io.smallrye.graphql.execution.datafetcher.PlugableDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.FieldHelper;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.ClassloadingService;
import io.smallrye.graphql.spi.DataFetcherService;
import io.smallrye.graphql.transformation.AbstractDataFetcherException;

/**
 * Plain fields (a record's component, a getter) read without SmallRye's per-field context. SmallRye's own
 * {@code FieldDataFetcher} clones the request's {@code Context} for every value it reads, with the selected fields
 * under it as JSON twice and the path as a string; nothing reads that context while a getter runs, and it was the
 * largest single cost of a service's request (issue 16). Resolvers ({@code @Query}, {@code @Source}, batches) keep
 * SmallRye's data fetchers and their context. Registered through {@code META-INF/services}, ahead of Quarkus' own
 * service (which supplies no field fetcher).
 */
public final class PlainFields implements DataFetcherService {
    @Override
    public Integer getPriority() {
        return 0; // Quarkus' QuarkusDataFetcherService is 1; the first service that answers is used
    }

    @Override
    public PlugableDataFetcher<?> getFieldDataFetcher(Field field, Type type, Reference owner) {
        return new Fetcher(field, owner);
    }

    /** Reads the value by its accessor method and transforms or adapts it exactly as SmallRye would. */
    static final class Fetcher implements PlugableDataFetcher<Object>, TrivialDataFetcher<Object> {
        private final Field field;
        private final Reference owner;
        private final FieldHelper helper;
        private volatile Accessor accessor;

        Fetcher(Field field, Reference owner) {
            this.field = field;
            this.owner = owner;
            this.helper = new FieldHelper(field);
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            Accessor read = accessor;
            if (read == null) {
                read = accessor = accessor();
            }
            Object value = null;
            try {
                value = read.get(environment.getSource());
                return helper.transformOrAdaptResponse(value, environment);
            } catch (AbstractDataFetcherException e) {
                return value; // what SmallRye's FieldDataFetcher answers when a transformation fails
            } finally {
                SmallRyeContextManager.clearCurrentSmallRyeContext(); // the state SmallRye's fetcher leaves behind
            }
        }

        private Accessor accessor() {
            try {
                Class<?> type = ClassloadingService.get().loadClass(owner.getClassName());
                if (field.getMethodName() == null) {
                    java.lang.reflect.Field javaField = type.getField(field.getPropertyName());
                    return javaField::get;
                }
                Method method = type.getMethod(field.getMethodName());
                return method::invoke;
            } catch (ReflectiveOperationException e) {
                throw new GraphQLException(e);
            }
        }
    }

    @FunctionalInterface
    interface Accessor {
        Object get(Object source) throws ReflectiveOperationException;
    }
}
