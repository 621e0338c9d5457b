package dev.chorus.events.venue;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.chorus.common.db.Idempotency;

@Input("CreateVenueInput")
public record CreateVenueInput(@NonNull String name,
        @NonNull @Description("The city, by any of its names (see `cities`).") String city, @NonNull String address,
        @NonNull Integer maxCapacity,
        @Description(Idempotency.KEY_DESCRIPTION) String idempotencyKey) {
}
