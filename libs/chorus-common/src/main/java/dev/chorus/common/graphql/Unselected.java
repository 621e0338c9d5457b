package dev.chorus.common.graphql;

import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.DelegatingDataFetchingEnvironment;
import graphql.schema.SelectedField;

/**
 * The environment SmallRye's resolver fetchers are handed: everything as graphql-java made it but the selection
 * set, which is empty. SmallRye builds the {@code Context}'s selected fields from it on every resolver call (and
 * every batch): the whole subtree below the field as JSON, twice, each nested level walked again by graphql-java.
 * Below {@code _entities} that is the whole query; it was 14–18 % of a service's CPU on the cross-subgraph query
 * (issue 16) and nothing here reads it: {@link Selections} reads the request's document instead.
 */
final class Unselected extends DelegatingDataFetchingEnvironment {
    static final DataFetchingFieldSelectionSet NOTHING = new DataFetchingFieldSelectionSet() {
        @Override
        public boolean contains(String fieldGlobPattern) {
            return false;
        }

        @Override
        public boolean containsAnyOf(String fieldGlobPattern, String... fieldGlobPatterns) {
            return false;
        }

        @Override
        public boolean containsAllOf(String fieldGlobPattern, String... fieldGlobPatterns) {
            return false;
        }

        @Override
        public List<SelectedField> getFields() {
            return List.of();
        }

        @Override
        public List<SelectedField> getImmediateFields() {
            return List.of();
        }

        @Override
        public List<SelectedField> getFields(String fieldGlobPattern, String... fieldGlobPatterns) {
            return List.of();
        }

        @Override
        public Map<String, List<SelectedField>> getFieldsGroupedByResultKey() {
            return Map.of();
        }

        @Override
        public Map<String, List<SelectedField>> getFieldsGroupedByResultKey(String fieldGlobPattern,
                String... fieldGlobPatterns) {
            return Map.of();
        }
    };

    private Unselected(DataFetchingEnvironment environment) {
        super(environment);
    }

    static DataFetchingEnvironment of(DataFetchingEnvironment environment) {
        return environment instanceof Unselected ? environment : new Unselected(environment);
    }

    @Override
    public DataFetchingFieldSelectionSet getSelectionSet() {
        return NOTHING;
    }
}
