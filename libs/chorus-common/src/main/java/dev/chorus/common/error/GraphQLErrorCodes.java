package dev.chorus.common.error;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jboss.logging.Logger;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import dev.chorus.common.graphql.AliasedArguments;
import dev.chorus.common.graphql.CheckedDocuments;
import graphql.GraphQL;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.execution.context.SmallRyeContext;
import io.smallrye.graphql.spi.EventingService;

/**
 * The one place where failures become GraphQL errors. Every error of a response leaves with
 * {@code extensions.code} (see {@link ErrorCode}); a {@link ChorusException} keeps its message and names its
 * field, anything unexpected is logged with a reference and answered as INTERNAL without detail, so no stack
 * trace, class name or SQL reaches a client.
 *
 * <p>It rewrites the finished execution result because SmallRye GraphQL builds data-fetching errors with its own
 * exception handler, which cannot be replaced; registered through {@code META-INF/services}.
 */
public class GraphQLErrorCodes implements EventingService {
    private static final Logger LOG = Logger.getLogger(GraphQLErrorCodes.class);

    @Override
    public String getConfigKey() {
        return null; // always on
    }

    /** Adds the check of {@link AliasedArguments} to validation (see {@link CheckedDocuments}). */
    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        return builder.preparsedDocumentProvider(new CheckedDocuments());
    }

    @Override
    public void afterExecute(Context context) {
        ExecutionResult result = context.unwrap(ExecutionResult.class);
        if (result == null || result.getErrors().isEmpty() || !(context instanceof SmallRyeContext smallRye)) {
            return;
        }
        List<GraphQLError> errors = new ArrayList<>(result.getErrors().size());
        for (GraphQLError error : result.getErrors()) {
            errors.add(toClientError(error));
        }
        smallRye.setExecutionResult(ExecutionResult.newExecutionResult()
                .data(result.getData())
                .errors(errors)
                .extensions(result.getExtensions())
                .build());
    }

    static GraphQLError toClientError(GraphQLError error) {
        if (error instanceof ExceptionWhileDataFetching fetching) {
            ChorusException known = find(fetching.getException());
            if (known != null) {
                return rebuild(error, known.getMessage(), known.code(), known.field());
            }
            String reference = UUID.randomUUID().toString();
            LOG.errorf(fetching.getException(), "Internal error %s at %s", reference, error.getPath());
            return rebuild(error, "Internal error (reference " + reference + ")", ErrorCode.INTERNAL, null);
        }
        Map<String, Object> extensions = error.getExtensions();
        if (extensions != null && extensions.get("code") != null) {
            return error;
        }
        ErrorClassification type = error.getErrorType();
        boolean clientFault = type == ErrorType.ValidationError || type == ErrorType.InvalidSyntax
                || type == ErrorType.OperationNotSupported;
        return rebuild(error, error.getMessage(), clientFault ? ErrorCode.BAD_USER_INPUT : ErrorCode.INTERNAL, null);
    }

    private static ChorusException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ChorusException known) {
                return known;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static GraphQLError rebuild(GraphQLError error, String message, ErrorCode code, String field) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code.name());
        if (field != null) {
            extensions.put("field", field);
        }
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
                .message(message)
                .errorType(error.getErrorType())
                .locations(error.getLocations())
                .extensions(extensions);
        if (error.getPath() != null) {
            builder.path(error.getPath());
        }
        return builder.build();
    }
}
