package dev.chorus.common.error;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import io.smallrye.graphql.api.ErrorExtensionProvider;

/**
 * {@code extensions.field} on the errors SmallRye builds itself, which {@link GraphQLErrorCodes} does not rebuild:
 * those of a subscription's messages. Registered through {@code META-INF/services}.
 */
public class FieldExtension implements ErrorExtensionProvider {
    @Override
    public String getKey() {
        return "field";
    }

    @Override
    public JsonValue mapValueFrom(Throwable exception) {
        return exception instanceof ChorusException known && known.field() != null
                ? Json.createValue(known.field()) : JsonValue.NULL;
    }
}
