package dev.chorus.events.city;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("City")
@Description("A city events take place in. Filters and new venues name it by any of its names, case-insensitively "
        + "(`Shanghai`, `上海`, `shanghai`). Owned by events-service.")
public record City(@Id @NonNull String id,
        @NonNull @Description("The canonical name, in Latin script.") String name,
        @NonNull @Description("The name in Chinese script.") String localName) {

    public static City from(CityEntity e) {
        return new City(e.id.toString(), e.name, e.localName);
    }
}
