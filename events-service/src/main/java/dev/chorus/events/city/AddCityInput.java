package dev.chorus.events.city;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.chorus.common.db.Idempotency;

@Input("AddCityInput")
public record AddCityInput(@NonNull @Description("The canonical name, in Latin script (1 to 100 characters).") String name,
        @NonNull @Description("The name in Chinese script (1 to 100 characters).") String localName,
        @Description("Other names it goes by (traditional characters, older spellings): at most 20.") List<String> aliases,
        @Description(Idempotency.KEY_DESCRIPTION) String idempotencyKey) {
}
