package dev.chorus.common.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.chorus.common.error.ErrorCode;
import dev.chorus.common.input.Inputs;
import graphql.ExecutionInput;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.StringValue;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLUnionType;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The HTTP edge of every service's GraphQL endpoint, in front of SmallRye GraphQL's handler, which is lenient where
 * a client's mistake should get a clear answer (it answers 500 for variables that are not an object, strips raw
 * line breaks, has no code on unparseable documents) and answers 200 where GraphQL over HTTP asks for 400.
 * Here a request is checked as the GraphQL-over-HTTP specification describes, and refused with a coded JSON
 * error (BAD_USER_INPUT) before anything runs:
 * <ul>
 * <li>POST only (405 otherwise; GET is the gateway's business), {@code Content-Type: application/json} in UTF-8
 * (415 otherwise, which also refuses what a browser could send cross-site without a preflight), an
 * {@code Accept} of {@code application/json} or {@code application/graphql-response+json} (406 otherwise; none or
 * {@code *}{@code /*} means {@code application/json});</li>
 * <li>a body of at most {@code chorus.http.max-body-bytes} (413) that is UTF-8, JSON nested at most
 * {@value #MAX_JSON_DEPTH} deep, an object with a string {@code query} and, when present, a string
 * {@code operationName} and object {@code variables} and {@code extensions}, no NUL or lone surrogate in any
 * string (400);</li>
 * <li>a document that parses within {@code chorus.graphql.max-tokens} tokens and keeps the {@link DocumentLimits}
 * (400 when the client accepts {@code application/graphql-response+json}, else 200, with the error).</li>
 * </ul>
 * A request that passes and still fails as a whole (validation, variables that do not coerce: no {@code data})
 * is answered 400 for {@code application/graphql-response+json} too (see {@link #markRequestError}).
 */
@ApplicationScoped
public class GraphQLRequests {
    static final int MAX_JSON_DEPTH = 32;
    static final String JSON = "application/json";
    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private static final String REQUEST_ERROR = "chorus.graphql.request-error";
    private static final int PARSED_CACHE = 1024;
    /** The key fields of Chorus entities: {@code id}, and {@code ref} where other subgraphs hold a reference. */
    private static final List<String> KEYS = List.of("id", "ref");

    private final String path;
    private final int maxBodyBytes;
    private final ParserOptions parserOptions;
    private final int maxDepth;
    private final int maxAliases;
    private final int maxRepresentations;
    private volatile DocumentLimits limits;
    private final Map<String, Document> parsed = new ConcurrentHashMap<>();

    GraphQLRequests(@ConfigProperty(name = "quarkus.smallrye-graphql.root-path") String path,
            @ConfigProperty(name = "chorus.http.max-body-bytes", defaultValue = "2097152") int maxBodyBytes,
            @ConfigProperty(name = "chorus.graphql.max-tokens", defaultValue = "15000") int maxTokens,
            @ConfigProperty(name = "chorus.graphql.max-depth", defaultValue = "20") int maxDepth,
            @ConfigProperty(name = "chorus.graphql.max-aliases", defaultValue = "60") int maxAliases,
            @ConfigProperty(name = "chorus.graphql.max-representations", defaultValue = "10000") int maxRepresentations) {
        this.path = path;
        this.maxBodyBytes = maxBodyBytes;
        this.parserOptions = ParserOptions.getDefaultOperationParserOptions().transform(o -> o.maxTokens(maxTokens));
        this.maxDepth = maxDepth;
        this.maxAliases = maxAliases;
        this.maxRepresentations = maxRepresentations;
    }

    /**
     * The limits, with the entity types of this service's schema (the members of Federation's {@code _Entity}) and
     * the keys each is resolved by ({@link #KEYS} it has); made on the first request, once SmallRye GraphQL has
     * built the schema.
     */
    private DocumentLimits limits() {
        DocumentLimits made = limits;
        if (made == null) {
            GraphQLSchema schema = Arc.container().instance(GraphQLSchema.class).get();
            Map<String, Set<String>> entities = new HashMap<>();
            if (schema.getType("_Entity") instanceof GraphQLUnionType union) { // Federation's union of entity types
                for (var member : union.getTypes()) {
                    if (member instanceof GraphQLObjectType type) {
                        Set<String> keys = new HashSet<>();
                        for (String key : KEYS) {
                            if (type.getFieldDefinition(key) != null) {
                                keys.add(key);
                            }
                        }
                        entities.put(type.getName(), Set.copyOf(keys));
                    }
                }
            }
            made = new DocumentLimits(maxDepth, maxAliases, maxRepresentations, Map.copyOf(entities));
            limits = made;
        }
        return made;
    }

    void route(@Observes Router router) {
        // after authentication (Quarkus' filters run at negative orders), before SmallRye GraphQL's route
        router.route(path).order(-10)
                .handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes))
                .handler(this::check);
    }

    private void check(RoutingContext context) {
        var request = context.request();
        if (request.method() == HttpMethod.OPTIONS
                || request.method() == HttpMethod.GET && "websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            context.next();
            return;
        }
        if (request.method() != HttpMethod.POST) {
            ErrorResponses.send(context, 405, ErrorCode.BAD_USER_INPUT, "Send GraphQL requests as POST.",
                    Map.of("Allow", "POST"));
            return;
        }
        String answer = responseType(request.getHeader("Accept"));
        if (answer == null) {
            ErrorResponses.send(context, 406, ErrorCode.BAD_USER_INPUT,
                    "Accept application/json or application/graphql-response+json.");
            return;
        }
        request.headers().set("Accept", answer + "; charset=utf-8"); // what SmallRye answers with
        String refusal = contentTypeRefusal(request.getHeader("Content-Type"));
        if (refusal != null) {
            ErrorResponses.send(context, 415, ErrorCode.BAD_USER_INPUT, refusal);
            return;
        }
        JsonObject body;
        try {
            body = body(context);
        } catch (IllegalArgumentException e) {
            ErrorResponses.send(context, 400, ErrorCode.BAD_USER_INPUT, e.getMessage());
            return;
        }
        boolean strict = GRAPHQL_RESPONSE.equals(answer);
        String query = body.getString("query");
        Document document = parsed.get(query);
        if (document == null) {
            try {
                document = new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(query)
                        .parserOptions(parserOptions).build());
            } catch (InvalidSyntaxException e) {
                refuseDocument(context, strict, e.getMessage());
                return;
            }
            if (invalidLiteral(document)) { // checked once per distinct document: only clean ones are cached
                refuseDocument(context, strict, "The document holds invalid text (NUL or a lone surrogate).");
                return;
            }
            if (parsed.size() >= PARSED_CACHE) {
                parsed.clear();
            }
            parsed.put(query, document);
        }
        JsonObject variables = body.getJsonObject("variables");
        String violation = limits().violation(document, body.getString("operationName"),
                variables == null ? Map.of() : variables.getMap());
        if (violation != null) {
            refuseDocument(context, strict, violation);
            return;
        }
        if (strict) {
            context.addHeadersEndHandler(ignored -> {
                if (Boolean.TRUE.equals(context.get(REQUEST_ERROR)) && context.response().getStatusCode() == 200) {
                    context.response().setStatusCode(400);
                }
            });
        }
        context.next();
    }

    /** GraphQL over HTTP: a document error is 400 for graphql-response+json, 200 (with the error) for json. */
    private static void refuseDocument(RoutingContext context, boolean strict, String message) {
        var response = context.response().setStatusCode(strict ? 400 : 200);
        response.headers().set("Content-Type", (strict ? GRAPHQL_RESPONSE : JSON) + "; charset=utf-8");
        response.end(ErrorResponses.body(ErrorCode.BAD_USER_INPUT, message));
    }

    /** The media type to answer with, from the Accept header, or null when the client accepts neither. */
    static String responseType(String accept) {
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        String best = null;
        double bestWeight = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            double weight = 1;
            for (int i = 1; i < parts.length; i++) {
                String[] parameter = parts[i].split("=", 2);
                if (parameter[0].strip().equalsIgnoreCase("q")) {
                    weight = parameter.length < 2 ? 0 : weight(parameter[1].strip());
                }
            }
            String answer = switch (parts[0].strip().toLowerCase(Locale.ROOT)) {
                case GRAPHQL_RESPONSE -> GRAPHQL_RESPONSE;
                case JSON, "application/*", "*/*" -> JSON;
                default -> null;
            };
            // the highest weight wins; at equal weight, graphql-response+json over json
            if (answer != null && weight > 0 && (weight > bestWeight
                    || weight == bestWeight && GRAPHQL_RESPONSE.equals(answer) && !GRAPHQL_RESPONSE.equals(best))) {
                best = answer;
                bestWeight = weight;
            }
        }
        return best;
    }

    private static double weight(String q) {
        try {
            double weight = Double.parseDouble(q);
            return weight >= 0 && weight <= 1 ? weight : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String contentTypeRefusal(String contentType) {
        if (contentType == null) {
            return "Send the request as Content-Type: application/json.";
        }
        String[] parts = contentType.split(";");
        if (!JSON.equals(parts[0].strip().toLowerCase(Locale.ROOT))) {
            return "Send the request as Content-Type: application/json, not " + parts[0].strip() + ".";
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].strip().equalsIgnoreCase("charset") && (parameter.length < 2
                    || !parameter[1].strip().replace("\"", "").equalsIgnoreCase("utf-8"))) {
                return "Send the request in UTF-8.";
            }
        }
        return null;
    }

    /** The request's JSON object, checked; IllegalArgumentException with the client's message otherwise. */
    static JsonObject body(RoutingContext context) {
        var buffer = context.body() == null ? null : context.body().buffer();
        if (buffer == null || buffer.length() == 0) {
            throw new IllegalArgumentException("The request has no body: send {\"query\": \"...\"}.");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buffer.getBytes())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("The request body is not valid UTF-8.");
        }
        if (nesting(text) > MAX_JSON_DEPTH) {
            throw new IllegalArgumentException("The request body is nested more than " + MAX_JSON_DEPTH + " deep.");
        }
        JsonObject body;
        try {
            body = new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            throw new IllegalArgumentException("The request body is not a JSON object.");
        }
        if (!(body.getValue("query") instanceof String query) || query.isBlank()) {
            throw new IllegalArgumentException("query must be a string holding a GraphQL document.");
        }
        Object operationName = body.getValue("operationName");
        if (operationName != null && !(operationName instanceof String)) {
            throw new IllegalArgumentException("operationName must be a string or null.");
        }
        for (String name : new String[] { "variables", "extensions" }) {
            Object value = body.getValue(name);
            if (value != null && !(value instanceof JsonObject)) {
                throw new IllegalArgumentException(name + " must be an object or null.");
            }
        }
        if (hasInvalidText(body)) {
            throw new IllegalArgumentException("The request holds invalid text (NUL or a lone surrogate).");
        }
        return body;
    }

    /** How deep arrays and objects nest in JSON text (brackets inside strings do not count). */
    static int nesting(String json) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return deepest;
    }

    private static boolean hasInvalidText(Object value) {
        if (value instanceof String text) {
            return invalidText(text);
        }
        if (value instanceof JsonObject object) {
            for (Map.Entry<String, Object> entry : object) {
                if (invalidText(entry.getKey()) || hasInvalidText(entry.getValue())) {
                    return true;
                }
            }
        } else if (value instanceof JsonArray array) {
            for (Object element : array) {
                if (hasInvalidText(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Text no service stores: a lone surrogate (PostgreSQL would keep '?') or NUL (PostgreSQL refuses it). */
    static boolean invalidText(String text) {
        return text.indexOf('\u0000') >= 0 || Inputs.hasLoneSurrogate(text);
    }

    /** Whether a string literal of the document holds invalid text (written as an escape, say {@code \u0000}). */
    static boolean invalidLiteral(Document document) {
        boolean[] found = { false };
        new NodeTraverser().depthFirst(new NodeVisitorStub() {
            @Override
            public TraversalControl visitStringValue(StringValue node, TraverserContext<Node> context) {
                if (invalidText(node.getValue())) {
                    found[0] = true;
                    return TraversalControl.QUIT;
                }
                return TraversalControl.CONTINUE;
            }
        }, document);
        return found[0];
    }

    /**
     * Marks the HTTP request of a GraphQL execution that failed as a whole (no {@code data}: a validation error or
     * variables that do not coerce), so that {@link #check} answers it 400 for graphql-response+json. Execution may
     * finish outside the request's CDI context; SmallRye keeps that context's state in the execution input
     * ({@code state}), which is reactivated to reach the request.
     */
    public static void markRequestError(ExecutionInput input) {
        ManagedContext requestContext = Arc.container().requestContext();
        if (requestContext.isActive()) {
            mark();
            return;
        }
        Object state = input == null ? null : input.getGraphQLContext().get("state");
        if (state instanceof InjectableContext.ContextState saved && saved.isValid()) {
            requestContext.activate(saved);
            try {
                mark();
            } finally {
                requestContext.deactivate();
            }
        }
    }

    private static void mark() {
        RoutingContext current = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        if (current != null) {
            current.put(REQUEST_ERROR, Boolean.TRUE);
        }
    }
}
