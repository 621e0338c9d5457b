package dev.chorus.common.error;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jboss.logging.Logger;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import dev.chorus.common.graphql.AliasedArguments;
import dev.chorus.common.http.GraphQLRequests;
import dev.chorus.common.graphql.BatchedFields;
import dev.chorus.common.graphql.CheckedDocuments;
import dev.chorus.common.graphql.RelayNames;
import dev.chorus.common.graphql.StrictScalars;
import graphql.schema.GraphQLSchema;
import io.quarkus.arc.Arc;
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

    /**
     * Adds the check of {@link AliasedArguments} to validation (see {@link CheckedDocuments}) and executes on the
     * schema with {@link StrictScalars} and {@link RelayNames} (SmallRye's schema is its CDI bean).
     */
    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        GraphQLSchema schema = Arc.container().instance(GraphQLSchema.class).get();
        return builder.schema(BatchedFields.of(RelayNames.of(StrictScalars.of(schema))))
                .preparsedDocumentProvider(new CheckedDocuments());
    }

    @Override
    public void afterExecute(Context context) {
        ExecutionResult result = context.unwrap(ExecutionResult.class);
        if (result == null || result.getErrors().isEmpty() || !(context instanceof SmallRyeContext smallRye)) {
            return;
        }
        if (!result.isDataPresent()) { // the request failed as a whole: GraphQL over HTTP answers 400 for it
            GraphQLRequests.markRequestError(context.unwrap(ExecutionInput.class));
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
        if (error instanceof ClientError) {
            return error;
        }
        if (error instanceof ExceptionWhileDataFetching fetching) {
            ChorusException known = find(fetching.getException());
            if (known != null) {
                return rebuild(error, known.getMessage(), known.code(), known.field());
            }
            if (unavailable(fetching.getException())) {
                LOG.warnf("Database unavailable at %s: %s", error.getPath(), fetching.getException().toString());
                return rebuild(error, UNAVAILABLE, ErrorCode.UNAVAILABLE, null);
            }
            return internal(error, fetching.getException());
        }
        Map<String, Object> extensions = error.getExtensions();
        Object code = extensions == null ? null : extensions.get("code");
        for (ErrorCode known : ErrorCode.values()) {
            if (known.name().equals(code)) {
                Object field = extensions.get("field");
                return rebuild(error, error.getMessage(), known, field == null ? null : field.toString());
            }
        }
        ErrorClassification type = error.getErrorType();
        if (type == ErrorType.ValidationError || type == ErrorType.InvalidSyntax
                || type == ErrorType.OperationNotSupported
                || error instanceof graphql.introspection.GoodFaithIntrospection.BadFaithIntrospectionError) {
            return rebuild(error, error.getMessage(), ErrorCode.BAD_USER_INPUT, null);
        }
        return internal(error, null);
    }

    static final String UNAVAILABLE = "The service's database is not available right now; try again shortly. "
            + "A mutation's outcome is unknown: retry it with its idempotency key.";

    /**
     * Whether a failure is the database being unreachable or going away (refused or lost connections, PostgreSQL
     * shutting down or not yet accepting connections: SQLSTATE class 08 and 57P01–57P03) or a statement gone stale
     * by a schema change ({@link #staleStatement}), not a fault of the request or the code: worth trying again.
     */
    static boolean unavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.NoRouteToHostException
                    || t instanceof java.nio.channels.ClosedChannelException
                    || t.getClass().getName().equals("io.vertx.sqlclient.ClosedConnectionException")
                    || t.getClass().getName().equals("io.netty.channel.ConnectTimeoutException")
                    || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (t instanceof io.vertx.pgclient.PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P0")
                            || staleStatement(pg.getSqlState(), pg.getErrorMessage()))) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && staleStatement(sql.getSQLState(), sql.getMessage())) {
                return true; // as Hibernate Reactive passes PostgreSQL's error on
            }
        }
        return false;
    }

    /**
     * The failure a subscription's stream ends with, as the client gets it: SmallRye builds a subscription's errors
     * itself (its code would be made from the exception's class name), so the stream fails with a
     * {@link ChorusException} whose code SmallRye reads: Chorus' own as they are, the database going away as
     * UNAVAILABLE, anything else INTERNAL with a logged reference.
     */
    public static ChorusException forSubscription(Throwable failure) {
        ChorusException known = find(failure);
        if (known != null) {
            return known;
        }
        if (unavailable(failure)) {
            LOG.warnf("Database unavailable under a subscription: %s", failure.toString());
            return new UnavailableException(UNAVAILABLE);
        }
        String reference = reference(failure);
        LOG.errorf(failure, "Internal error %s in a subscription", reference);
        return new InternalException("Internal error (reference " + reference + ")");
    }

    /** Anything unexpected: logged with a reference, answered with the reference only. */
    private static GraphQLError internal(GraphQLError error, Throwable cause) {
        String reference = reference(cause);
        LOG.errorf(cause, "Internal error %s at %s: %s", reference, error.getPath(), error.getMessage());
        return rebuild(error, "Internal error (reference " + reference + ")", ErrorCode.INTERNAL, null);
    }

    /**
     * A new reference for an internal error, also put on the current span (when tracing is on) with the span marked
     * as failed, so that the reference a client reports leads to the trace as well as to the log line.
     */
    private static String reference(Throwable cause) {
        String reference = UUID.randomUUID().toString();
        io.opentelemetry.api.trace.Span span = io.opentelemetry.api.trace.Span.current();
        if (span.getSpanContext().isValid()) {
            span.setAttribute("chorus.error.reference", reference);
            span.setStatus(io.opentelemetry.api.trace.StatusCode.ERROR, "internal error " + reference);
            if (cause != null) {
                span.recordException(cause);
            }
        }
        return reference;
    }

    /**
     * A statement the connection had prepared before the schema changed under the running service (a newer version's
     * migration changing the type of a column it reads; reads name their columns, so an added one changes nothing,
     * see {@code Columns}): PostgreSQL refuses it once, the client then drops it from its cache, and the same request
     * succeeds when tried again. A moment of the database, not a fault.
     */
    private static boolean staleStatement(String sqlState, String message) {
        return "0A000".equals(sqlState) && message != null
                && message.contains("cached plan must not change result type");
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
        return new ClientError(message, error.getLocations(), error.getPath(), code, field, error.getErrorType());
    }
}
