package dev.chorus.events.venue;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.chorus.common.error.BadUserInputException;
import dev.chorus.common.input.Inputs;
import dev.chorus.common.security.Access;
import dev.chorus.common.time.Times;
import dev.chorus.common.db.Idempotency;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Changes to venues. */
@ApplicationScoped
public class VenueService {
    static final int VENUE_MAX = 100_000;

    public Uni<VenueEntity> create(Access access, CreateVenueInput input) {
        return Uni.createFrom().deferred(() -> {
            access.requireStaff();
            Idempotency.Key key = Idempotency.key("idempotencyKey", input.idempotencyKey());
            VenueEntity venue = new VenueEntity();
            venue.id = UUID.randomUUID();
            venue.name = Inputs.requiredLine("name", input.name(), 200);
            venue.city = Inputs.requiredLine("city", input.city(), 100);
            venue.address = Inputs.requiredLine("address", input.address(), 500);
            if (input.maxCapacity() < 1 || input.maxCapacity() > VENUE_MAX) {
                throw new BadUserInputException("maxCapacity", "maxCapacity must be between 1 and " + VENUE_MAX);
            }
            venue.maxCapacity = input.maxCapacity();
            venue.createdAt = Times.now();
            return Panache.withTransaction(() -> Idempotency.once("createVenue", access, key, input,
                    () -> venue.persist().replaceWith(venue),
                    v -> v.id.toString(), id -> VenueEntity.<VenueEntity> findById(UUID.fromString(id))));
        });
    }
}
