package dev.chorus.common.graphql;

import static graphql.util.TreeTransformerUtil.changeNode;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.SchemaTransformer;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

/**
 * Relay names for connections and edges. SmallRye GraphQL names a generic type after its class and argument
 * ({@code Connection_Work}, {@code Edge_Work}) and offers no way to name it otherwise; Relay and most code
 * generators expect {@code WorkConnection} and {@code WorkEdge}. The executed schema gets the Relay names, each
 * renamed type keeps its data fetchers, and the federation SDL ({@code _service { sdl }}, which the gateway
 * composes from) says the same names, so clients, introspection and the supergraph agree.
 */
public final class RelayNames {
    private static final Pattern GENERIC = Pattern.compile("(Connection|Edge)_([A-Za-z0-9]+)");
    private static final Map<GraphQLSchema, GraphQLSchema> RENAMED = new IdentityHashMap<>();

    private RelayNames() {
    }

    /** The Relay name of a type SmallRye named, or the name unchanged. */
    static String relayName(String name) {
        Matcher generic = GENERIC.matcher(name);
        return generic.matches() ? generic.group(2) + generic.group(1) : name;
    }

    /** Made once per schema, as {@link StrictScalars#of} and for the same reason. */
    public static synchronized GraphQLSchema of(GraphQLSchema schema) {
        return RENAMED.computeIfAbsent(schema, RelayNames::rename);
    }

    private static GraphQLSchema rename(GraphQLSchema schema) {
        Map<String, String> renamed = new LinkedHashMap<>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            String name = relayName(type.getName());
            if (!name.equals(type.getName())) {
                if (schema.getType(name) != null) {
                    throw new IllegalStateException("cannot rename " + type.getName() + ": " + name + " exists");
                }
                renamed.put(type.getName(), name);
            }
        }
        if (renamed.isEmpty()) {
            return schema;
        }
        GraphQLSchema transformed = SchemaTransformer.transformSchema(schema, new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLObjectType(GraphQLObjectType type,
                    TraverserContext<GraphQLSchemaElement> context) {
                String name = renamed.get(type.getName());
                return name == null ? TraversalControl.CONTINUE : changeNode(context, type.transform(b -> b.name(name)));
            }
        });
        GraphQLCodeRegistry fetchers = schema.getCodeRegistry();
        GraphQLCodeRegistry registry = transformed.getCodeRegistry().transform(b -> {
            renamed.forEach((from, to) -> {
                for (GraphQLFieldDefinition field : schema.getObjectType(from).getFieldDefinitions()) {
                    b.dataFetcher(FieldCoordinates.coordinates(to, field.getName()),
                            fetchers.getDataFetcher(FieldCoordinates.coordinates(from, field.getName()), field));
                }
            });
            GraphQLObjectType service = schema.getObjectType("_Service");
            if (service != null) {
                String sdl = renamedSdl(fetchers, service, renamed);
                b.dataFetcher(FieldCoordinates.coordinates("_Service", "sdl"), (DataFetcher<String>) env -> sdl);
            }
        });
        return transformed.transform(b -> b.codeRegistry(registry));
    }

    /** The federation SDL the schema serves, with the new names (a name is replaced only as a whole word). */
    private static String renamedSdl(GraphQLCodeRegistry fetchers, GraphQLObjectType service, Map<String, String> renamed) {
        GraphQLFieldDefinition field = service.getFieldDefinition("sdl");
        String sdl;
        try {
            // federation-jvm's fetcher answers the SDL it printed when the schema was made, whatever it is asked
            sdl = (String) fetchers.getDataFetcher(FieldCoordinates.coordinates(service, field), field)
                    .get(DataFetchingEnvironmentImpl.newDataFetchingEnvironment().build());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the federation SDL", e);
        }
        for (Map.Entry<String, String> name : renamed.entrySet()) {
            sdl = sdl.replaceAll("\\b" + Pattern.quote(name.getKey()) + "\\b", Matcher.quoteReplacement(name.getValue()));
        }
        return sdl;
    }
}
