package dev.chorus.common.db;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import dev.chorus.common.graphql.Execution;
import dev.chorus.common.relay.Slice;
import io.smallrye.mutiny.Uni;

/**
 * Runs a read in a session of its own. SmallRye GraphQL resolves sibling fields of one request concurrently on
 * one Vert.x context, so a context-bound session ({@code @WithSession}) would be shared and closed under their
 * feet; every query resolver reads through here instead. Mutations run one after another and may use
 * {@code @WithTransaction}.
 */
@ApplicationScoped
public class Reads {
    private final Mutiny.SessionFactory sessions;

    public Reads(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** Runs {@code work} in a read-only session; not at all once the request's client has gone ({@link Execution}). */
    public <T> Uni<T> read(Function<Mutiny.Session, Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Execution.requireClient();
            return sessions.openSession();
        }).chain(session -> {
            session.setDefaultReadOnly(true);
            return work.apply(session).eventually(session::close);
        });
    }

    /**
     * The entities with these ids, in the order asked, null where none exists or the id is null; one statement
     * for any number of ids (entity resolvers, batched fields).
     */
    public <T> Uni<List<T>> byIds(Class<T> entity, List<UUID> ids, Function<T, UUID> idOf) {
        List<UUID> known = NestedPages.parents(ids);
        Uni<List<T>> rows = known.isEmpty() ? Uni.createFrom().item(List.of()) : where(entity, "id", known, null);
        return rows.map(found -> {
            Map<UUID, T> byId = new HashMap<>();
            found.forEach(row -> byId.put(idOf.apply(row), row));
            List<T> ordered = new ArrayList<>(ids.size());
            ids.forEach(id -> ordered.add(id == null ? null : byId.get(id)));
            return ordered;
        });
    }

    /**
     * The rows of {@code entity}'s table whose {@code column} is one of {@code ids}, in {@code orderBy} (SQL, or
     * null): one statement, grouped lists and batched fields read through here.
     */
    public <T> Uni<List<T>> where(Class<T> entity, String column, Collection<UUID> ids, String orderBy) {
        String sql = Columns.select(entity, "t") + " where t." + column + " = any(:ids)"
                + (orderBy == null ? "" : " order by " + orderBy);
        return read(s -> s.createNativeQuery(sql, entity).setParameter("ids", array(ids)).getResultList());
    }

    /**
     * Ids as the array parameter of {@code = any(:ids)}. A list bound to {@code in :ids} expands to one placeholder
     * per id, so the SQL differs with the list's size, and Hibernate translates such a query again on every
     * execution (5-9 % of a service's CPU, issue 16); an array keeps one SQL text and one prepared statement.
     */
    public static UUID[] array(Collection<UUID> ids) {
        return ids.toArray(UUID[]::new);
    }

    /** The table an entity maps to ({@code @Table}). */
    static String table(Class<?> entity) {
        return entity.getAnnotation(jakarta.persistence.Table.class).name();
    }

    /**
     * One page from a native query of {@code entity} rows and, when {@code withTotal}, the count from
     * {@code countSql}; both run at once, each in its own session.
     */
    public <T> Uni<Slice<T>> page(String sql, Map<String, Object> params, Class<T> entity, boolean withTotal,
            String countSql, Map<String, Object> countParams) {
        Uni<List<T>> rows = read(s -> NestedPages.bind(s.createNativeQuery(sql, entity), params).getResultList());
        Uni<Long> total = !withTotal ? Uni.createFrom().nullItem()
                : read(s -> NestedPages.bind(s.createNativeQuery(countSql, Long.class), countParams).getSingleResult());
        return Uni.combine().all().unis(rows, total)
                .with((list, count) -> new Slice<>(list, count == null ? null : Math.toIntExact(count)));
    }
}
