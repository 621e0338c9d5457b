package dev.chorus.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import graphql.ExceptionWhileDataFetching;
import graphql.GraphQLError;
import graphql.execution.ResultPath;
import graphql.language.SourceLocation;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;

class GraphQLErrorCodesTest {

    private static GraphQLError fetching(Throwable failure) {
        return new ExceptionWhileDataFetching(ResultPath.parse("/registerCreator"), failure,
                new SourceLocation(1, 12));
    }

    @Test
    void aDomainErrorKeepsItsMessageCodeFieldAndPath() {
        GraphQLError error = GraphQLErrorCodes.toClientError(fetching(
                new CompletionException(new ConflictException("handle", "handle 'x' is already taken"))));
        assertEquals("handle 'x' is already taken", error.getMessage());
        assertEquals("CONFLICT", error.getExtensions().get("code"));
        assertEquals("handle", error.getExtensions().get("field"));
        assertEquals(List.of("registerCreator"), error.getPath());
        assertEquals(12, error.getLocations().get(0).getColumn());
    }

    @Test
    void anUnexpectedFailureIsInternalAndRevealsNothing() {
        RuntimeException sqlFailure = new IllegalStateException(
                "ERROR: relation \"creator\" does not exist [select c.id from creator c]");
        GraphQLError error = GraphQLErrorCodes.toClientError(fetching(sqlFailure));
        Map<String, Object> spec = error.toSpecification();
        assertEquals("INTERNAL", error.getExtensions().get("code"));
        assertTrue(error.getMessage().startsWith("Internal error (reference "), error.getMessage());
        String all = spec.toString();
        assertFalse(all.contains("select"), all);
        assertFalse(all.contains("IllegalStateException"), all);
        assertFalse(all.contains("creator"), all);
    }

    @Test
    void aSubscriptionEndsWithACodedErrorWhateverFailedUnderIt() {
        NotFoundException gone = new NotFoundException("eventId", "no event with id x");
        assertEquals(gone, GraphQLErrorCodes.forSubscription(new CompletionException(gone)));
        ChorusException down = GraphQLErrorCodes.forSubscription(new CompletionException(
                new java.net.ConnectException("Connection refused: localhost/127.0.0.1:5432")));
        assertEquals(ErrorCode.UNAVAILABLE, down.code());
        assertFalse(down.getMessage().contains("5432"), down.getMessage());
        ChorusException bug = GraphQLErrorCodes.forSubscription(new NullPointerException("sqlSelection is null"));
        assertEquals(ErrorCode.INTERNAL, bug.code());
        assertTrue(bug.getMessage().matches("Internal error \\(reference [0-9a-f-]{36}\\)"), bug.getMessage());
        // SmallRye names a subscription error's code from this annotation, not from the class name
        assertEquals("INTERNAL", bug.getClass().getAnnotation(io.smallrye.graphql.api.ErrorCode.class).value());
        assertEquals("UNAVAILABLE", down.getClass().getAnnotation(io.smallrye.graphql.api.ErrorCode.class).value());
    }

    @Test
    void anInvalidQueryIsABadUserInput() {
        GraphQLError error = GraphQLErrorCodes.toClientError(ValidationError.newValidationError()
                .validationErrorType(ValidationErrorType.FieldUndefined)
                .description("Field 'nope' in type 'Query' is undefined").build());
        assertEquals("BAD_USER_INPUT", error.getExtensions().get("code"));
    }

    @Test
    void anIntrospectionAskingTooMuchIsABadUserInputNotAnInternalError() {
        GraphQLError error = GraphQLErrorCodes.toClientError(
                graphql.introspection.GoodFaithIntrospection.BadFaithIntrospectionError.tooManyFields("Query.__type"));
        assertEquals("BAD_USER_INPUT", error.getExtensions().get("code"));
        assertTrue(error.getMessage().contains("introspection"), error.getMessage());
    }

    @Test
    void noJavaSideClassificationReachesTheClient() {
        GraphQLError error = GraphQLErrorCodes.toClientError(ValidationError.newValidationError()
                .validationErrorType(ValidationErrorType.FieldUndefined)
                .description("Field 'nope' in type 'Query' is undefined").build());
        Map<String, Object> spec = error.toSpecification();
        assertEquals(Map.of("code", "BAD_USER_INPUT"), spec.get("extensions"));
        assertFalse(spec.toString().contains("classification"), spec.toString());
        GraphQLError internal = GraphQLErrorCodes.toClientError(graphql.GraphqlErrorBuilder.newError()
                .message("Can't serialize value (/x) : java.lang.IllegalStateException")
                .errorType(graphql.ErrorType.DataFetchingException).build());
        assertEquals("INTERNAL", internal.getExtensions().get("code"));
        assertFalse(internal.getMessage().contains("java.lang"), internal.getMessage());
    }

    @Test
    void aDatabaseThatIsDownIsUnavailableNotInternal() {
        for (Throwable down : new Throwable[] {
                new java.util.concurrent.CompletionException(new java.net.ConnectException("Connection refused")),
                new IllegalStateException("wrapped", new io.vertx.pgclient.PgException("terminating connection due to "
                        + "administrator command", "FATAL", "57P01", null)),
                new io.vertx.pgclient.PgException("connection failure", "FATAL", "08006", null) }) {
            GraphQLError error = GraphQLErrorCodes.toClientError(fetching(down));
            assertEquals("UNAVAILABLE", error.getExtensions().get("code"), down.toString());
            assertFalse(error.getMessage().contains("refused"), error.getMessage());
        }
        GraphQLError unique = GraphQLErrorCodes.toClientError(fetching(new io.vertx.pgclient.PgException(
                "duplicate key", "ERROR", "23505", null)));
        assertEquals("INTERNAL", unique.getExtensions().get("code"), "other SQL failures stay INTERNAL");
    }
}
