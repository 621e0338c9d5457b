package dev.chorus.stack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Queries made from the supergraph that reach, from every root query field, every object the graph leads to
 * (breadth first, a type at most twice on one path, {@code maxDepth} fields deep), asking the {@code id} of each.
 * Required arguments come from the test: ids by the field's type, and a few named values (a handle, an ISRC,
 * dates). Nothing here knows Chorus' schema beyond those values: a new field that leads somewhere is walked.
 */
final class HiddenPaths {
    private final Map<String, JsonNode> types = new HashMap<>();
    private final Map<String, List<Object>> idsByType;
    private final Map<String, List<Object>> valuesByArgument;
    private final int maxDepth;

    HiddenPaths(JsonNode schema, Map<String, List<Object>> idsByType, Map<String, List<Object>> valuesByArgument,
            int maxDepth) {
        schema.get("types").forEach(t -> types.put(t.get("name").asText(), t));
        this.idsByType = idsByType;
        this.valuesByArgument = valuesByArgument;
        this.maxDepth = maxDepth;
    }

    /** One query per root field and choice of its required arguments. */
    List<String> queries() {
        List<String> all = new ArrayList<>();
        forEachRoot((field, arguments) -> {
            String selection = selection(named(field.get("type")), new ArrayList<>(), 1);
            if (selection != null || isLeaf(named(field.get("type")))) {
                all.add("{ " + field.get("name").asText() + arguments + (selection == null ? "" : " " + selection)
                        + " }");
            }
        });
        return all;
    }

    /** Every root query field (Federation's and the caller's own aside) with each choice of its arguments. */
    private void forEachRoot(java.util.function.BiConsumer<JsonNode, String> each) {
        for (JsonNode field : types.get("Query").get("fields")) {
            String name = field.get("name").asText();
            if (name.startsWith("_") || name.equals("viewer")) {
                continue;
            }
            for (String arguments : argumentChoices(field)) {
                each.accept(field, arguments);
            }
        }
    }

    /**
     * One query per path from a root field to a field of one of {@code targets} (through lists and connections),
     * selecting only that object's {@code id}: a subgraph that holds a reference could answer the id alone without
     * asking the owner, so these are asked apart from the full selections of {@link #queries()}.
     */
    List<String> idOnlyPaths(java.util.Set<String> targets) {
        List<String> all = new ArrayList<>();
        forEachRoot((field, arguments) -> {
            List<String> tails = new ArrayList<>();
            paths(named(field.get("type")), new ArrayList<>(), 1, targets, tails);
            tails.forEach(tail -> all.add("{ " + field.get("name").asText() + arguments + " " + tail + " }"));
        });
        return all;
    }

    private void paths(String typeName, List<String> path, int depth, java.util.Set<String> targets,
            List<String> out) {
        JsonNode type = types.get(typeName);
        if (type == null || isLeaf(typeName) || type.get("fields").isNull()) {
            return;
        }
        if (targets.contains(typeName)) {
            out.add("{ id }");
        }
        if (depth > maxDepth || path.stream().filter(typeName::equals).count() >= 2) {
            return;
        }
        path.add(typeName);
        for (JsonNode field : type.get("fields")) {
            String target = named(field.get("type"));
            List<String> arguments = argumentChoices(field);
            if (isLeaf(target) || arguments.isEmpty()) {
                continue;
            }
            List<String> inner = new ArrayList<>();
            paths(target, path, depth + 1, targets, inner);
            for (String tail : inner) {
                out.add("{ " + field.get("name").asText() + arguments.get(0) + " " + tail + " }");
            }
        }
        path.remove(path.size() - 1);
    }

    /** The argument lists to try: each value of each required argument (one at a time), or none. */
    private List<String> argumentChoices(JsonNode field) {
        List<String> required = new ArrayList<>();
        List<List<Object>> values = new ArrayList<>();
        for (JsonNode argument : field.get("args")) {
            if (!"NON_NULL".equals(argument.get("type").get("kind").asText()) || !argument.get("defaultValue").isNull()) {
                continue;
            }
            String name = argument.get("name").asText();
            List<Object> candidates = valuesByArgument.get(name);
            if (name.equals("id") || name.endsWith("Id")) {
                candidates = idsByType.get(named(field.get("type")));
            }
            if (candidates == null || candidates.isEmpty()) {
                return List.of(); // a required argument the test has no value for: this field is not walked
            }
            required.add(name);
            values.add(candidates);
        }
        if (required.isEmpty()) {
            return List.of("");
        }
        List<String> choices = new ArrayList<>();
        int longest = values.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            StringBuilder arguments = new StringBuilder("(");
            for (int a = 0; a < required.size(); a++) {
                List<Object> candidates = values.get(a);
                Object value = candidates.get(Math.min(i, candidates.size() - 1));
                arguments.append(a == 0 ? "" : ", ").append(required.get(a)).append(": ").append(literal(value));
            }
            choices.add(arguments.append(")").toString());
        }
        return choices;
    }

    private String selection(String typeName, List<String> path, int depth) {
        JsonNode type = types.get(typeName);
        if (type == null || isLeaf(typeName) || type.get("fields").isNull()) {
            return null;
        }
        long seen = path.stream().filter(typeName::equals).count();
        if (depth > maxDepth || seen >= 2) {
            return type.get("fields").findValuesAsText("name").contains("id") ? "{ id }" : null;
        }
        List<String> parts = new ArrayList<>();
        path.add(typeName);
        for (JsonNode field : type.get("fields")) {
            String name = field.get("name").asText();
            String target = named(field.get("type"));
            if (name.equals("id") || name.equals("cursor") || name.equals("__typename")) {
                if (name.equals("id")) {
                    parts.add("id");
                }
                continue;
            }
            if (isLeaf(target)) {
                continue;
            }
            List<String> arguments = argumentChoices(field);
            if (arguments.isEmpty()) {
                continue;
            }
            String inner = selection(target, path, depth + 1);
            if (inner != null) {
                parts.add(name + arguments.get(0) + " " + inner);
            }
        }
        path.remove(path.size() - 1);
        return parts.isEmpty() ? null : "{ " + String.join(" ", parts) + " }";
    }

    private boolean isLeaf(String typeName) {
        JsonNode type = types.get(typeName);
        return type == null || type.get("kind").asText().equals("SCALAR") || type.get("kind").asText().equals("ENUM");
    }

    private static String named(JsonNode type) {
        JsonNode t = type;
        while (t.hasNonNull("ofType")) {
            t = t.get("ofType");
        }
        return t.get("name").asText();
    }

    private static String literal(Object value) {
        return value instanceof String text ? "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\""
                : String.valueOf(value);
    }
}
