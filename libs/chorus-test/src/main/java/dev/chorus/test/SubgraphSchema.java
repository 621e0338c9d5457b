package dev.chorus.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the SDL a service serves at {@code _service { sdl }} to {@code target/subgraph/schema.graphql}, where
 * the gateway build composes the supergraph from it.
 */
public final class SubgraphSchema {
    private SubgraphSchema() {
    }

    public static String served() {
        return GraphQLClient.ok("{ _service { sdl } }").getString("data._service.sdl");
    }

    public static void export(String sdl) {
        Path file = Path.of("target", "subgraph", "schema.graphql");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, sdl, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
