package dev.chorus.events.venue;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.chorus.common.db.Idempotency;
import dev.chorus.common.security.Access;
import dev.chorus.common.time.Times;
import dev.chorus.events.city.CityService;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Changes to venues. */
@ApplicationScoped
public class VenueService {
    @WithTransaction
    public Uni<VenueEntity> create(Access access, CreateVenueInput input) {
        access.requireStaff();
        Idempotency.Key key = Idempotency.key("idempotencyKey", input.idempotencyKey());
        VenueEntity venue = new VenueEntity();
        venue.id = UUID.randomUUID();
        venue.name = VenueRules.name(input.name());
        venue.address = VenueRules.address(input.address());
        venue.maxCapacity = VenueRules.maxCapacity(input.maxCapacity());
        venue.createdAt = Times.now();
        return Idempotency.once("createVenue", access, key, input,
                () -> CityService.cityOf("city", input.city()).chain(city -> {
                    venue.cityId = city;
                    return venue.persist();
                }).replaceWith(venue),
                v -> v.id.toString(), id -> VenueEntity.<VenueEntity> findById(UUID.fromString(id)));
    }
}
