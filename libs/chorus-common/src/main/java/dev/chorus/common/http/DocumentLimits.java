package dev.chorus.common.http;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.ArrayValue;
import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;

/**
 * What one request may ask of a service, checked on the parsed document before anything runs, so that a service
 * asked directly is as well protected as behind the gateway: selection depth, aliases, and the
 * {@code _entities} representations (how many, and each an object naming its {@code __typename} and a string
 * {@code id}). The gateway's own limits are lower; these leave room for the queries its planner sends.
 *
 * @param maxDepth deepest field nesting (a root field is depth 1; fragments add none)
 * @param maxAliases aliased fields in the whole operation, fragments counted where they are spread
 * @param maxRepresentations representations of one {@code _entities} request
 * @param entityKeys the types this service resolves as entities, each with the key fields it resolves them by
 *        ({@code id}, {@code ref}); a representation of another type or by another key is refused (empty: not
 *        checked)
 */
public record DocumentLimits(int maxDepth, int maxAliases, int maxRepresentations,
        Map<String, Set<String>> entityKeys) {

    /** The first limit the operation breaks, described for the client, or null when it keeps them all. */
    public String violation(Document document, String operationName, Map<String, Object> variables) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            if (operationName != null && !operationName.equals(operation.getName())) {
                continue;
            }
            int depth = depth(operation.getSelectionSet(), fragments, new HashSet<>());
            if (depth > maxDepth) {
                return "The query is " + depth + " fields deep; at most " + maxDepth + " are allowed.";
            }
            int aliases = aliases(operation.getSelectionSet(), fragments, new HashSet<>());
            if (aliases > maxAliases) {
                return "The query has " + aliases + " aliases; at most " + maxAliases + " are allowed.";
            }
            String representations = representations(operation.getSelectionSet(), fragments, variables);
            if (representations != null) {
                return representations;
            }
        }
        return null;
    }

    private static int depth(SelectionSet set, Map<String, FragmentDefinition> fragments, Set<String> entered) {
        if (set == null) {
            return 0;
        }
        int deepest = 0;
        for (Selection<?> selection : set.getSelections()) {
            int depth = 0;
            if (selection instanceof Field field) {
                depth = 1 + depth(field.getSelectionSet(), fragments, entered);
            } else if (selection instanceof InlineFragment inline) {
                depth = depth(inline.getSelectionSet(), fragments, entered);
            } else if (selection instanceof FragmentSpread spread && entered.add(spread.getName())) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                depth = fragment == null ? 0 : depth(fragment.getSelectionSet(), fragments, entered);
                entered.remove(spread.getName()); // a cycle is a validation error; here it only stops the walk
            }
            deepest = Math.max(deepest, depth);
        }
        return deepest;
    }

    private static int aliases(SelectionSet set, Map<String, FragmentDefinition> fragments, Set<String> entered) {
        if (set == null) {
            return 0;
        }
        int count = 0;
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                count += (field.getAlias() != null ? 1 : 0) + aliases(field.getSelectionSet(), fragments, entered);
            } else if (selection instanceof InlineFragment inline) {
                count += aliases(inline.getSelectionSet(), fragments, entered);
            } else if (selection instanceof FragmentSpread spread && entered.add(spread.getName())) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                count += fragment == null ? 0 : aliases(fragment.getSelectionSet(), fragments, entered);
                entered.remove(spread.getName());
            }
        }
        return count;
    }

    private String representations(SelectionSet root, Map<String, FragmentDefinition> fragments,
            Map<String, Object> variables) {
        for (Selection<?> selection : rootSelections(root, fragments, new HashSet<>())) {
            if (!(selection instanceof Field field) || !"_entities".equals(field.getName())) {
                continue;
            }
            for (Argument argument : field.getArguments()) {
                if (!"representations".equals(argument.getName())) {
                    continue;
                }
                Value<?> value = argument.getValue();
                List<?> given;
                if (value instanceof VariableReference reference) {
                    Object bound = variables == null ? null : variables.get(reference.getName());
                    if (!(bound instanceof List<?> list)) {
                        return "representations must be a list of objects";
                    }
                    given = list;
                } else if (value instanceof ArrayValue array) {
                    given = array.getValues();
                } else {
                    return "representations must be a list of objects";
                }
                if (given.size() > maxRepresentations) {
                    return "At most " + maxRepresentations + " representations are resolved in one request, "
                            + "were " + given.size();
                }
                for (int i = 0; i < given.size(); i++) {
                    Object representation = given.get(i);
                    if (representation instanceof VariableReference element) { // [$a, $b]
                        representation = variables == null ? null : variables.get(element.getName());
                    }
                    String refusal = refusal(representation);
                    if (refusal != null) {
                        return "representations[" + i + "]" + (refusal.startsWith(".") ? "" : " ") + refusal;
                    }
                }
            }
        }
        return null;
    }

    private static List<Selection<?>> rootSelections(SelectionSet set, Map<String, FragmentDefinition> fragments,
            Set<String> entered) {
        List<Selection<?>> all = new java.util.ArrayList<>();
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof InlineFragment inline) {
                all.addAll(rootSelections(inline.getSelectionSet(), fragments, entered));
            } else if (selection instanceof FragmentSpread spread && entered.add(spread.getName())
                    && fragments.containsKey(spread.getName())) {
                all.addAll(rootSelections(fragments.get(spread.getName()).getSelectionSet(), fragments, entered));
            } else {
                all.add(selection);
            }
        }
        return all;
    }

    /**
     * Why a representation cannot be resolved here, or null: it must be an object of exactly a string
     * {@code __typename} naming an entity of this service and one string key field this service resolves that
     * type by (SmallRye GraphQL finds no resolver otherwise, an INTERNAL error).
     */
    private String refusal(Object representation) {
        Map<String, Object> fields = new HashMap<>();
        if (representation instanceof Map<?, ?> map) {
            map.forEach((name, value) -> fields.put(String.valueOf(name), value));
        } else if (representation instanceof ObjectValue object) {
            for (ObjectField field : object.getObjectFields()) {
                fields.put(field.getName(), field.getValue() instanceof StringValue text ? text.getValue()
                        : field.getValue());
            }
        } else {
            return "must be an object with a string __typename and its key";
        }
        if (!(fields.remove("__typename") instanceof String type)) {
            return "must have a string __typename";
        }
        Set<String> keys = entityKeys.isEmpty() ? Set.of("id") : entityKeys.get(type);
        if (keys == null) {
            return ".__typename must be one of " + new java.util.TreeSet<>(entityKeys.keySet());
        }
        if (fields.size() != 1 || !keys.contains(fields.keySet().iterator().next())
                || !(fields.values().iterator().next() instanceof String)) {
            return "of " + type + " must hold exactly its key, a string " + String.join(" or ", new java.util.TreeSet<>(keys));
        }
        return null;
    }
}
