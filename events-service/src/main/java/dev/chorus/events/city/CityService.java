package dev.chorus.events.city;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.chorus.common.db.Idempotency;
import dev.chorus.common.db.UniqueViolations;
import dev.chorus.common.error.BadUserInputException;
import dev.chorus.common.error.ConflictException;
import dev.chorus.common.security.Access;
import dev.chorus.common.time.Times;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Adding cities, and finding the city a name means inside a change (a new venue). */
@ApplicationScoped
public class CityService {

    /** Staff add a city with its names; a name that is already some city's is CONFLICT, naming the field. */
    @WithTransaction
    public Uni<CityEntity> add(Access access, AddCityInput input) {
        access.requireStaff();
        Idempotency.Key key = Idempotency.key("idempotencyKey", input.idempotencyKey());
        CityRules.Names names = CityRules.names(input);
        CityEntity city = new CityEntity();
        city.id = UUID.randomUUID();
        city.name = names.name();
        city.localName = names.localName();
        city.createdAt = Times.now();
        List<Object> rows = new ArrayList<>();
        rows.add(city);
        int position = 0;
        for (Map.Entry<String, String> name : names.byKey().entrySet()) {
            CityNameEntity row = new CityNameEntity();
            row.nameKey = name.getKey();
            row.cityId = city.id;
            row.name = name.getValue();
            row.position = position++;
            rows.add(row);
        }
        return Idempotency.once("addCity", access, key, input,
                () -> CityNameEntity.<CityNameEntity> list("nameKey in ?1", List.copyOf(names.byKey().keySet()))
                        .chain(taken -> {
                            if (!taken.isEmpty()) {
                                throw new ConflictException(field(input, taken.get(0).nameKey), "'"
                                        + taken.get(0).name + "' is already a name of another city");
                            }
                            return CityEntity.persist(rows).chain(Panache::flush).replaceWith(city);
                        }),
                c -> c.id.toString(), id -> CityEntity.<CityEntity> findById(UUID.fromString(id)))
                .onFailure().transform(UniqueViolations.mapping(Map.of("city_name_pkey",
                        () -> new ConflictException("name", "one of these names was just given to another city"))));
    }

    /**
     * The id of the city {@code name} means, inside the caller's transaction; BAD_USER_INPUT on {@code field} when
     * it is no city's name.
     */
    public static Uni<UUID> cityOf(String field, String name) {
        String key = CityRules.lookup(field, name);
        return CityNameEntity.<CityNameEntity> findById(key).map(found -> {
            if (found == null) {
                throw new BadUserInputException(field, "unknown city '" + name.strip() + "': `cities` lists the "
                        + "known ones by every name; programme staff add others (addCity)");
            }
            return found.cityId;
        });
    }

    /** The input field that holds the name with this key. */
    private static String field(AddCityInput input, String key) {
        if (CityRules.key(input.name()).equals(key)) {
            return "name";
        }
        if (CityRules.key(input.localName()).equals(key)) {
            return "localName";
        }
        for (int i = 0; input.aliases() != null && i < input.aliases().size(); i++) {
            if (CityRules.key(input.aliases().get(i)).equals(key)) {
                return "aliases[" + i + "]";
            }
        }
        return "name";
    }
}
