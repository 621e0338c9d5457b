package dev.chorus.test.hostile;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Hostile requests made from a schema: for every argument of every query and mutation, and every field of the
 * input objects they take (two levels deep), the other arguments are filled with plausible values and this one
 * with each value a server must refuse (numbers out of range or fractional, strings that are not text or show
 * nothing, malformed ids, dates, enums and objects, null where a value is required). Plus requests that break the
 * protocol itself ({@link #protocol}). Nothing here knows Chorus' schema: a new field is covered when it appears.
 */
public final class HostileRequests {
    /** One GraphQL request: the root field it aims at and the argument path holding the hostile value. */
    public record Request(String name, String rootField, String operationType, String query,
            Map<String, Object> variables) {
        public boolean mutation() {
            return "mutation".equals(operationType);
        }

        /** A subscription: sent over WebSocket (graphql-transport-ws), its first message checked. */
        public boolean subscription() {
            return "subscription".equals(operationType);
        }

        public String body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("query", query);
            body.put("variables", variables);
            return Json.write(body);
        }
    }

    /** One HTTP request that breaks GraphQL over HTTP itself. */
    public record RawRequest(String name, String method, String contentType, byte[] body, Map<String, String> headers) {
    }

    public static final String INTROSPECTION = """
            query { __schema { queryType { name } mutationType { name } subscriptionType { name }
              types { kind name
                fields(includeDeprecated: true) { name type { ...T } args { name defaultValue type { ...T } } }
                inputFields { name defaultValue type { ...T } }
                enumValues(includeDeprecated: true) { name } } } }
            fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType {
              kind name ofType { kind name } } } } } }""";

    static final String HUGE = "x".repeat(100_000);
    static final String INVISIBLE = "\u200B\u00A0\u3000\u202E\u2060";

    private final Map<String, Map<String, Object>> types = new LinkedHashMap<>();
    private final String queryType;
    private final String mutationType;
    private final String subscriptionType;

    /** From the {@code __schema} of {@link #INTROSPECTION}'s answer. */
    @SuppressWarnings("unchecked")
    public HostileRequests(Map<String, Object> schema) {
        for (Object type : (List<Object>) schema.get("types")) {
            Map<String, Object> t = (Map<String, Object>) type;
            types.put((String) t.get("name"), t);
        }
        queryType = name(schema.get("queryType"));
        mutationType = name(schema.get("mutationType"));
        subscriptionType = name(schema.get("subscriptionType"));
    }

    @SuppressWarnings("unchecked")
    private static String name(Object type) {
        return type == null ? null : (String) ((Map<String, Object>) type).get("name");
    }

    /** Every hostile request on every argument of every root field (those starting with _ aside). */
    @SuppressWarnings("unchecked")
    public List<Request> fieldRequests() {
        List<Request> all = new ArrayList<>();
        for (String root : new String[] { queryType, mutationType, subscriptionType }) {
            if (root == null) {
                continue;
            }
            String operationType = root.equals(mutationType) ? "mutation" : root.equals(subscriptionType)
                    ? "subscription" : "query";
            for (Object f : (List<Object>) types.get(root).get("fields")) {
                Map<String, Object> field = (Map<String, Object>) f;
                String fieldName = (String) field.get("name");
                List<Map<String, Object>> args = (List<Map<String, Object>>) (List<?>) field.get("args");
                if (fieldName.startsWith("_") || args.isEmpty()) {
                    continue;
                }
                for (Map<String, Object> arg : args) {
                    for (Target target : targets(List.of((String) arg.get("name")), typeOf(arg), 0)) {
                        for (Object value : hostile(target.type())) {
                            Map<String, Object> variables = base(args, (String) arg.get("name"));
                            if (!put(variables, target.path(), value)) {
                                continue;
                            }
                            all.add(new Request(fieldName + "(" + String.join(".", target.path()) + " = "
                                    + shown(value) + ")", fieldName, operationType, operation(operationType, field, args),
                                    variables));
                        }
                    }
                }
            }
        }
        return all;
    }

    record Target(List<String> path, Map<String, Object> type) {
    }

    /** The argument itself and, inside input objects (and lists of them), each of their fields. */
    @SuppressWarnings("unchecked")
    private List<Target> targets(List<String> path, Map<String, Object> type, int depth) {
        List<Target> all = new ArrayList<>();
        all.add(new Target(path, type));
        Map<String, Object> named = named(type);
        if ("INPUT_OBJECT".equals(named.get("kind")) && depth < 2) {
            List<String> inner = new ArrayList<>(path);
            if (isList(type)) {
                inner.add("0");
            }
            for (Object f : (List<Object>) types.get(named.get("name")).get("inputFields")) {
                Map<String, Object> field = (Map<String, Object>) f;
                List<String> fieldPath = new ArrayList<>(inner);
                fieldPath.add((String) field.get("name"));
                all.addAll(targets(fieldPath, typeOf(field), depth + 1));
            }
        }
        return all;
    }

    /** Values a server must refuse in a place of this type. */
    private List<Object> hostile(Map<String, Object> type) {
        List<Object> values = new ArrayList<>();
        boolean required = "NON_NULL".equals(type.get("kind"));
        if (required) {
            values.add(null);
        }
        Map<String, Object> named = named(type);
        String name = (String) named.get("name");
        switch ((String) named.get("kind")) {
            case "ENUM" -> values.addAll(List.of("NOT_A_VALUE", 7));
            case "INPUT_OBJECT" -> values.addAll(List.of("not an object", 7));
            case "SCALAR" -> {
                switch (name) {
                    case "Int" -> values.addAll(List.of(new BigInteger("9223372036854775808"), 1.5, 1e300, "12", true,
                            2147483648L, new Json.Raw("1e999")));
                    case "BigInteger", "Long" -> values.addAll(List.of(new BigInteger("1" + "0".repeat(30)), 1.5, "1"));
                    case "Float", "BigDecimal" -> values.addAll(List.of("1e999999999", true, "NaN", Map.of()));
                    case "Boolean" -> values.addAll(List.of("true", 1));
                    case "ID" -> values.addAll(List.of("not-a-uuid", 12, Map.of(), "", "\u0000"));
                    case "Date" -> values.addAll(List.of("+10000-01-01", "2026-02-30", 20261210, "tomorrow"));
                    case "DateTime" -> values.addAll(List.of("+10000-01-01T00:00:00Z", "2026-13-01T00:00:00Z", "now",
                            1_700_000_000));
                    case "String" -> {
                        values.addAll(List.of("a\uD800b", "a\u0000b", HUGE, 12));
                        if (required) {
                            values.add(INVISIBLE);
                        }
                    }
                    default -> values.addAll(List.of(Map.of("unexpected", true)));
                }
            }
            default -> {
            }
        }
        return values;
    }

    /** Plausible values for the required arguments, and for {@code also} whatever it is. */
    private Map<String, Object> base(List<Map<String, Object>> args, String also) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (Map<String, Object> arg : args) {
            String name = (String) arg.get("name");
            if (name.equals(also) || "NON_NULL".equals(typeOf(arg).get("kind")) && arg.get("defaultValue") == null) {
                variables.put(name, plausible(typeOf(arg), 0));
            }
        }
        return variables;
    }

    @SuppressWarnings("unchecked")
    private Object plausible(Map<String, Object> type, int depth) {
        if ("NON_NULL".equals(type.get("kind"))) {
            return plausible((Map<String, Object>) type.get("ofType"), depth);
        }
        if ("LIST".equals(type.get("kind"))) {
            List<Object> list = new ArrayList<>();
            list.add(plausible((Map<String, Object>) type.get("ofType"), depth));
            return list;
        }
        Map<String, Object> named = types.get(type.get("name"));
        switch ((String) named.get("kind")) {
            case "ENUM":
                return ((Map<String, Object>) ((List<Object>) named.get("enumValues")).get(0)).get("name");
            case "INPUT_OBJECT": {
                Map<String, Object> object = new LinkedHashMap<>();
                for (Object f : (List<Object>) named.get("inputFields")) {
                    Map<String, Object> field = (Map<String, Object>) f;
                    boolean required = "NON_NULL".equals(typeOf(field).get("kind")) && field.get("defaultValue") == null;
                    if (required || depth < 1) {
                        object.put((String) field.get("name"), plausible(typeOf(field), depth + 1));
                    }
                }
                return object;
            }
            default:
                return switch ((String) named.get("name")) {
                    case "ID" -> UUID.randomUUID().toString();
                    case "Int", "BigInteger", "Long" -> 1;
                    case "Float", "BigDecimal" -> 1.5;
                    case "Boolean" -> false;
                    case "Date" -> LocalDate.now().toString();
                    case "DateTime" -> OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).truncatedTo(ChronoUnit.SECONDS)
                            .toString();
                    default -> "plausible";
                };
        }
    }

    /** Puts the value at the path (list positions as numbers); false when the path cannot be built. */
    @SuppressWarnings("unchecked")
    private static boolean put(Map<String, Object> variables, List<String> path, Object value) {
        Object container = variables;
        for (int i = 0; i < path.size() - 1; i++) {
            Object next = container instanceof Map<?, ?> map ? map.get(path.get(i))
                    : container instanceof List<?> list && !list.isEmpty() ? list.get(0) : null;
            if (next == null) {
                return false;
            }
            container = next;
        }
        String last = path.get(path.size() - 1);
        if (container instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).put(last, value);
            return true;
        }
        if (container instanceof List<?> list && !list.isEmpty()) {
            ((List<Object>) list).set(0, value);
            return true;
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private String operation(String operationType, Map<String, Object> field, List<Map<String, Object>> args) {
        StringBuilder declared = new StringBuilder();
        StringBuilder passed = new StringBuilder();
        for (Map<String, Object> arg : args) {
            String name = (String) arg.get("name");
            declared.append(declared.length() == 0 ? "" : ", ").append('$').append(name).append(": ")
                    .append(render(typeOf(arg)));
            passed.append(passed.length() == 0 ? "" : ", ").append(name).append(": $").append(name);
        }
        String kind = (String) named((Map<String, Object>) field.get("type")).get("kind");
        String selection = kind.equals("OBJECT") || kind.equals("INTERFACE") || kind.equals("UNION")
                ? " { __typename }" : "";
        return operationType + "(" + declared + ") { " + field.get("name") + "(" + passed + ")"
                + selection + " }";
    }

    @SuppressWarnings("unchecked")
    private static String render(Map<String, Object> type) {
        return switch ((String) type.get("kind")) {
            case "NON_NULL" -> render((Map<String, Object>) type.get("ofType")) + "!";
            case "LIST" -> "[" + render((Map<String, Object>) type.get("ofType")) + "]";
            default -> (String) type.get("name");
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> typeOf(Map<String, Object> argOrField) {
        return (Map<String, Object>) argOrField.get("type");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> named(Map<String, Object> type) {
        Map<String, Object> t = type;
        while (t.get("ofType") != null) {
            t = (Map<String, Object>) t.get("ofType");
        }
        return types.get(t.get("name"));
    }

    @SuppressWarnings("unchecked")
    private static boolean isList(Map<String, Object> type) {
        Map<String, Object> t = type;
        while (t != null) {
            if ("LIST".equals(t.get("kind"))) {
                return true;
            }
            t = (Map<String, Object>) t.get("ofType");
        }
        return false;
    }

    private static String shown(Object value) {
        String text = value instanceof String s ? Json.write(s) : String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + ")" : text;
    }

    /**
     * Requests that break the protocol: bodies that are not JSON or not UTF-8, nested without end, parameters of
     * the wrong type, documents that do not parse or are too big, deep or wide, media types a browser sends
     * cross-site, other methods, entity representations that are not, and malformed Authorization headers.
     */
    public static List<RawRequest> protocol(String validToken) {
        List<RawRequest> all = new ArrayList<>();
        String json = "application/json";
        for (String variables : new String[] { "\"x\"", "[1]", "5", "true" }) {
            all.add(post("variables " + variables, json, "{\"query\":\"{ __typename }\",\"variables\":" + variables + "}"));
        }
        all.add(post("variables nested 10000 deep", json, "{\"query\":\"{ __typename }\",\"variables\":{\"a\":"
                + "[".repeat(10_000) + "]".repeat(10_000) + "}}"));
        all.add(post("body nested 100000 deep", json, "[".repeat(100_000)));
        for (String body : new String[] { "hello", "{", "", "null", "[]", "{\"query\":5}", "{\"query\":{}}",
                "{\"query\":null}", "{}", "{\"query\":\"{ __typename }\",\"operationName\":5}",
                "{\"query\":\"{ __typename }\",\"extensions\":\"x\"}", "{\"query\":\"{\"}",
                "{\"query\":\"{ __typename \\\\ud800 }\"}", "{\"query\":\"{ x(a: \\\"\\\\uD800\\\") }\"}",
                "{\"query\":\"" + "{ a ".repeat(20_000) + "\"}",
                "{\"query\":\"{" + " a {".repeat(200) + " b " + "}".repeat(201) + "\"}",
                "{\"query\":\"{ " + "x: __typename ".repeat(500) + "}\"}",
                "{\"query\":\"query Q { __typename } query Q { __typename }\"}",
                "{\"query\":\"mutation { __typename }\",\"operationName\":\"nope\"}" }) {
            all.add(post("body " + (body.length() > 60 ? body.substring(0, 60) + "…" : body), json, body));
        }
        all.add(new RawRequest("invalid UTF-8", "POST", json,
                new byte[] { '{', '"', 'q', 'u', 'e', 'r', 'y', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}' }, Map.of()));
        String mutation = "{\"query\":\"mutation { __typename }\"}";
        for (String type : new String[] { "text/plain", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/json; charset=latin1", "application/xml" }) {
            all.add(post("content-type " + type, type, mutation));
        }
        all.add(new RawRequest("no content-type", "POST", null, mutation.getBytes(StandardCharsets.UTF_8), Map.of()));
        for (String method : new String[] { "PUT", "DELETE", "PATCH" }) {
            all.add(new RawRequest("method " + method, method, json, mutation.getBytes(StandardCharsets.UTF_8), Map.of()));
        }
        all.add(new RawRequest("accept text/html", "POST", json, mutation.getBytes(StandardCharsets.UTF_8),
                Map.of("Accept", "text/html")));
        String entities = "query($r: [_Any!]!) { _entities(representations: $r) { __typename } }";
        for (String reps : new String[] { "[{\"id\":\"x\"}]", "[{\"__typename\":\"Creator\",\"id\":1}]",
                "[{\"__typename\":\"Creator\",\"id\":{}}]", "[{\"__typename\":\"Nope\",\"id\":\"x\"}]", "[\"x\"]",
                "[null]", "\"x\"", "[{\"__typename\":5,\"id\":\"x\"}]", "[{\"__typename\":\"Creator\"}]",
                "[{\"__typename\":\"Creator\",\"id\":\"x\",\"extra\":1}]", "[{\"__typename\":\"Work\",\"handle\":\"x\"}]",
                "[" + "{\"__typename\":\"Creator\",\"id\":\"00000000-0000-0000-0000-000000000000\"},".repeat(10_500)
                        + "{\"__typename\":\"Creator\",\"id\":\"x\"}]" }) {
            all.add(post("_entities " + (reps.length() > 60 ? reps.substring(0, 60) + "…" : reps), json,
                    "{\"query\":" + Json.write(entities) + ",\"variables\":{\"r\":" + reps + "}}"));
        }
        for (String header : new String[] { "Bearer " + validToken + " !", "Bearer " + validToken + " x",
                "Basic dXNlcjpwYXNz", "Bearer", "Bearer x.y.z", "Bearer " + validToken.replace('.', ' ') }) {
            all.add(new RawRequest("authorization " + (header.length() > 30 ? header.substring(0, 30) + "…" : header),
                    "POST", json, "{\"query\":\"{ __typename }\"}".getBytes(StandardCharsets.UTF_8),
                    Map.of("Authorization", header)));
        }
        return all;
    }

    private static RawRequest post(String name, String contentType, String body) {
        return new RawRequest(name, "POST", contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }
}
