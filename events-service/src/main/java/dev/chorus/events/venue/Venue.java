package dev.chorus.events.venue;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;

@Key(fields = @FieldSet("id"))
@Description("Where offline events take place. Owned by events-service.")
public record Venue(@Id @NonNull String id, @NonNull String name, @NonNull String address,
        @NonNull @Description("No event here may take more people.") int maxCapacity, @Ignore String cityId) {

    public static Venue from(VenueEntity e) {
        return new Venue(e.id.toString(), e.name, e.address, e.maxCapacity, e.cityId.toString());
    }
}
