package dev.chorus.common.graphql;

import java.util.HashSet;
import java.util.Set;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.api.Context;

/**
 * What the client selected under the field being resolved, to skip work nobody asked for. Read from the request's
 * document (the field's own selections, through inline fragments and fragment spreads), not from the
 * {@code Context}'s selected fields, which SmallRye is not asked to build ({@link Unselected}). A selection that
 * {@code @skip} or {@code @include} turns off still counts: at worst a count nobody reads is computed.
 */
public final class Selections {
    private Selections() {
    }

    /** True when {@code field} is selected directly under the current field (e.g. a connection's totalCount). */
    public static boolean wants(Context context, String field) {
        DataFetchingEnvironment environment = context.unwrap(DataFetchingEnvironment.class);
        if (environment == null) {
            return true; // not inside a field's fetch: compute rather than guess
        }
        Set<String> seenFragments = new HashSet<>();
        for (Field selected : environment.getMergedField().getFields()) {
            if (selects(selected.getSelectionSet(), field, environment, seenFragments)) {
                return true;
            }
        }
        return false;
    }

    private static boolean selects(SelectionSet selections, String field, DataFetchingEnvironment environment,
            Set<String> seenFragments) {
        if (selections == null) {
            return false;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field child && child.getName().equals(field)
                    || selection instanceof InlineFragment inline
                            && selects(inline.getSelectionSet(), field, environment, seenFragments)
                    || selection instanceof FragmentSpread spread && seenFragments.add(spread.getName())
                            && selects(fragment(environment, spread), field, environment, seenFragments)) {
                return true;
            }
        }
        return false;
    }

    private static SelectionSet fragment(DataFetchingEnvironment environment, FragmentSpread spread) {
        FragmentDefinition definition = environment.getFragmentsByName().get(spread.getName());
        return definition == null ? null : definition.getSelectionSet();
    }
}
