package dev.chorus.events.city;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.chorus.common.db.Reads;
import dev.chorus.common.graphql.Batches;
import io.smallrye.mutiny.Uni;

/** Reads of cities, each in a session of its own. */
@ApplicationScoped
public class CityQueries {
    private final Reads reads;

    public CityQueries(Reads reads) {
        this.reads = reads;
    }

    /** Every city, by canonical name. */
    public Uni<List<CityEntity>> all() {
        return reads.read(s -> s.createSelectionQuery("from CityEntity order by name, id", CityEntity.class)
                .getResultList());
    }

    /** The city one of whose names has this key ({@link CityRules#key}), or null. */
    public Uni<CityEntity> byKey(String key) {
        return reads.read(s -> s.createSelectionQuery(
                "select c from CityEntity c where c.id = (select n.cityId from CityNameEntity n where n.nameKey = :key)",
                CityEntity.class).setParameter("key", key).getSingleResultOrNull());
    }

    /** The cities with these ids, in order, null where none exists. */
    public Uni<List<CityEntity>> byIds(List<UUID> ids) {
        return reads.byIds(CityEntity.class, ids, c -> c.id);
    }

    /** Each city's other names (neither the canonical nor the local one), in order. */
    public Uni<Map<UUID, List<CityNameEntity>>> aliasesOf(List<UUID> cities) {
        return reads.where(CityNameEntity.class, "city_id", cities, "t.city_id, t.position")
                .map(rows -> Batches.groupBy(rows.stream().filter(n -> n.position > 1).toList(), n -> n.cityId));
    }
}
