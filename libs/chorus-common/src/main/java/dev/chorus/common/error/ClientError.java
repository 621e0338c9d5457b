package dev.chorus.common.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.language.SourceLocation;

/**
 * A GraphQL error as a client sees it: message, locations, path and {@code extensions} ({@code code}, and
 * {@code field} when one input field is at fault), and nothing else. graphql-java's own errors add
 * {@code extensions.classification} (a Java-side name) when SmallRye serialises them; this one does not.
 */
public record ClientError(String message, List<SourceLocation> locations, List<Object> path, ErrorCode code,
        String field, ErrorClassification type) implements GraphQLError {

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public List<SourceLocation> getLocations() {
        return locations;
    }

    @Override
    public List<Object> getPath() {
        return path;
    }

    @Override
    public ErrorClassification getErrorType() {
        return type;
    }

    @Override
    public Map<String, Object> getExtensions() {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code.name());
        if (field != null) {
            extensions.put("field", field);
        }
        return extensions;
    }

    @Override
    public Map<String, Object> toSpecification() {
        Map<String, Object> specification = new LinkedHashMap<>();
        specification.put("message", message);
        if (locations != null && !locations.isEmpty()) {
            specification.put("locations", locations.stream()
                    .map(l -> Map.of("line", l.getLine(), "column", l.getColumn())).toList());
        }
        if (path != null) {
            specification.put("path", path);
        }
        specification.put("extensions", getExtensions());
        return specification;
    }
}
