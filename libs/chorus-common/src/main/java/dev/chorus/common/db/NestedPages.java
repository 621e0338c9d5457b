package dev.chorus.common.db;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import dev.chorus.common.relay.Slice;
import io.smallrye.mutiny.Uni;

/**
 * Nested pages for many parents at once (a creator's works, a work's remixes...), at a cost that does not grow
 * with the number of parents: a window function ({@code row_number() over (partition by parent ...)}) picks the
 * first rows of every parent in one statement, and one more statement counts them when the total is wanted.
 */
@ApplicationScoped
public class NestedPages {
    private final Reads reads;

    public NestedPages(Reads reads) {
        this.reads = reads;
    }

    /** The non-null parents, without repeats (for {@code = any(:ids)}, as {@link Reads#array}). */
    public static List<UUID> parents(Collection<UUID> ids) {
        return ids.stream().filter(Objects::nonNull).distinct().toList();
    }

    /**
     * Runs {@code pairsSql}, a native query answering {@code (parent_id, child_id)} rows in page order, then loads
     * those children of {@code entity} by id, and groups them by parent.
     */
    public <T> Uni<Map<UUID, List<T>>> byPairs(String pairsSql, Map<String, Object> params, Class<T> entity,
            Function<T, UUID> idOf) {
        return keyedPairs(pairsSql, params, entity, idOf).map(Keyed::byParent);
    }

    /** Children grouped by parent, and the third column of each child's row (its sort key) by child id. */
    public record Keyed<T>(Map<UUID, List<T>> byParent, Map<UUID, Object> keys) {
    }

    /**
     * As {@link #byPairs}, for a query answering {@code (parent_id, child_id, sort_key)}: the sort key, which a
     * cursor needs and the entity does not hold (a sum, a lower-cased title), is kept by child id.
     */
    public <T> Uni<Keyed<T>> keyedPairs(String pairsSql, Map<String, Object> params, Class<T> entity,
            Function<T, UUID> idOf) {
        return reads.read(s -> bind(s.createNativeQuery(pairsSql, Object[].class), params).getResultList()
                .chain(pairs -> {
                    List<UUID> childIds = pairs.stream().map(p -> (UUID) p[1]).distinct().toList();
                    if (childIds.isEmpty()) {
                        return Uni.createFrom().item(new Keyed<T>(Map.of(), Map.of()));
                    }
                    return s.createNativeQuery(Columns.select(entity, "t") + " where t.id = any(:ids)", entity)
                            .setParameter("ids", Reads.array(childIds)).getResultList()
                            .map(children -> {
                                Map<UUID, T> byId = new HashMap<>();
                                children.forEach(c -> byId.put(idOf.apply(c), c));
                                Map<UUID, List<T>> byParent = new HashMap<>();
                                Map<UUID, Object> keys = new HashMap<>();
                                pairs.forEach(p -> {
                                    byParent.computeIfAbsent((UUID) p[0], k -> new ArrayList<>())
                                            .add(byId.get((UUID) p[1]));
                                    if (p.length > 2 && p[2] != null) {
                                        keys.put((UUID) p[1], p[2]);
                                    }
                                });
                                return new Keyed<>(byParent, keys);
                            });
                }));
    }

    /** Runs a native query of {@code entity} rows and groups them by parent. */
    public <T> Uni<Map<UUID, List<T>>> byRows(String sql, Map<String, Object> params, Class<T> entity,
            Function<T, UUID> parentOf) {
        return reads.read(s -> bind(s.createNativeQuery(sql, entity), params).getResultList())
                .map(rows -> dev.chorus.common.graphql.Batches.groupBy(rows, parentOf));
    }

    /**
     * One slice per parent: its rows, and when {@code withTotal} its count from {@code countSql}, a native query
     * answering {@code (parent_id, count)}.
     */
    public <T> Uni<Map<UUID, Slice<T>>> slices(Collection<UUID> parents, Uni<Map<UUID, List<T>>> rows,
            boolean withTotal, String countSql, Map<String, Object> countParams) {
        Uni<Map<UUID, Long>> totals = !withTotal ? Uni.createFrom().item(Map.of())
                : reads.read(s -> bind(s.createNativeQuery(countSql, Object[].class), countParams).getResultList())
                        .map(list -> {
                            Map<UUID, Long> counts = new HashMap<>();
                            list.forEach(r -> counts.put((UUID) r[0], ((Number) r[1]).longValue()));
                            return counts;
                        });
        return Uni.combine().all().unis(rows, totals).with((byParent, counts) -> {
            Map<UUID, Slice<T>> slices = new HashMap<>();
            for (UUID parent : parents) {
                slices.put(parent, new Slice<>(byParent.getOrDefault(parent, List.of()),
                        withTotal ? Math.toIntExact(counts.getOrDefault(parent, 0L)) : null));
            }
            return slices;
        });
    }

    /** The empty slice, for a parent that cannot have rows (an unknown id). */
    public static <T> Slice<T> empty(boolean withTotal) {
        return new Slice<>(List.of(), withTotal ? 0 : null);
    }

    public static <Q extends Mutiny.SelectionQuery<?>> Q bind(Q query, Map<String, Object> params) {
        params.forEach(query::setParameter);
        return query;
    }
}
