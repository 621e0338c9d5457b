package dev.chorus.events.venue;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("CreateVenueInput")
public record CreateVenueInput(@NonNull String name, @NonNull String city, @NonNull String address,
        @NonNull Integer maxCapacity) {
}
