package dev.chorus.common.graphql;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import graphql.ErrorType;
import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Parses and validates each distinct query once (a bounded cache, as SmallRye's own) and adds one rule to
 * GraphQL's validation: {@link AliasedArguments}. A request that breaks it is refused before anything runs
 * (BAD_USER_INPUT), so no mutation starts and no alias gets another's answer.
 */
public final class CheckedDocuments implements PreparsedDocumentProvider {
    private static final int CAPACITY = 2048;
    private final Map<String, PreparsedDocumentEntry> cache = new ConcurrentHashMap<>();

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        PreparsedDocumentEntry cached = cache.get(input.getQuery());
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        PreparsedDocumentEntry entry = parseAndValidate.apply(input);
        if (!entry.hasErrors()) {
            String conflict = AliasedArguments.conflict(entry.getDocument());
            if (conflict != null) {
                entry = new PreparsedDocumentEntry(GraphqlErrorBuilder.newError().message(conflict)
                        .errorType(ErrorType.ValidationError).build());
            }
        }
        if (cache.size() >= CAPACITY) {
            cache.clear();
        }
        cache.put(input.getQuery(), entry);
        return CompletableFuture.completedFuture(entry);
    }
}
