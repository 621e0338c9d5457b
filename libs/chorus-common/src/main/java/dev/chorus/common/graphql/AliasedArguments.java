package dev.chorus.common.graphql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * Finds a field asked twice in one selection, under aliases, with different arguments, below the root. SmallRye
 * GraphQL resolves such a batched field ({@code @Source List<...>}) once per field and source, with one alias's
 * arguments, so the other alias would get a wrong answer; such a request is refused instead (root fields are not
 * batched and may differ).
 */
public final class AliasedArguments {
    private AliasedArguments() {
    }

    /** The first conflict, described for the client, or null when there is none. */
    public static String conflict(Document document) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            String found = root(operation.getSelectionSet(), fragments, new HashSet<>());
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The root selection: its fields may differ; what is below them may not. */
    private static String root(SelectionSet set, Map<String, FragmentDefinition> fragments, Set<String> seen) {
        for (Selection<?> selection : set.getSelections()) {
            String found = null;
            if (selection instanceof Field field && field.getSelectionSet() != null) {
                found = nested(field.getSelectionSet(), fragments, new HashSet<>());
            } else if (selection instanceof InlineFragment inline) {
                found = root(inline.getSelectionSet(), fragments, seen);
            } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())
                    && seen.add(spread.getName())) {
                found = root(fragments.get(spread.getName()).getSelectionSet(), fragments, seen);
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String nested(SelectionSet set, Map<String, FragmentDefinition> fragments, Set<String> seen) {
        return collect(set, "", fragments, seen, new HashMap<>());
    }

    /** A field seen in the selection: under a type condition ({@code ""}: the parent's own type) with arguments. */
    private record Seen(String on, String arguments) {
    }

    /** Gathers the fields of a selection (through its fragments) by type condition and name, then goes down. */
    private static String collect(SelectionSet set, String on, Map<String, FragmentDefinition> fragments, Set<String> seen,
            Map<String, List<Seen>> arguments) {
        for (Selection<?> selection : set.getSelections()) {
            String found = null;
            if (selection instanceof Field field) {
                String args = field.getArguments().stream().map(a -> a.getName() + ":" + AstPrinter.printAst(a.getValue()))
                        .sorted().collect(Collectors.joining(","));
                List<Seen> before = arguments.computeIfAbsent(field.getName(), k -> new ArrayList<>());
                // fields under different type conditions are different fields; the parent's own type is any of them
                boolean clash = before.stream().anyMatch(b -> !b.arguments().equals(args)
                        && (b.on().equals(on) || b.on().isEmpty() || on.isEmpty()));
                before.add(new Seen(on, args));
                if (clash) {
                    return "`" + field.getName() + "` is asked twice here with different arguments; ask for it with one "
                            + "set of arguments per selection (use separate requests for the others)";
                }
                if (field.getSelectionSet() != null) {
                    found = nested(field.getSelectionSet(), fragments, new HashSet<>(seen));
                }
            } else if (selection instanceof InlineFragment inline) {
                String type = inline.getTypeCondition() == null ? on : inline.getTypeCondition().getName();
                found = collect(inline.getSelectionSet(), type, fragments, seen, arguments);
            } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())
                    && seen.add(spread.getName())) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                found = collect(fragment.getSelectionSet(), fragment.getTypeCondition().getName(), fragments, seen,
                        arguments);
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
