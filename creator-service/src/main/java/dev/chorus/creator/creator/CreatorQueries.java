package dev.chorus.creator.creator;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import dev.chorus.common.db.Reads;
import dev.chorus.common.graphql.Batches;
import dev.chorus.common.relay.Cursor;
import dev.chorus.common.relay.PageRequest;
import dev.chorus.common.relay.Slice;
import dev.chorus.common.security.Access;
import io.smallrye.mutiny.Uni;

/**
 * Every read of creators. Each method is one SQL statement, whatever the number of creators it is asked about,
 * and runs in a session of its own (see {@link Reads}).
 */
@ApplicationScoped
public class CreatorQueries {
    private final Reads reads;

    public CreatorQueries(Reads reads) {
        this.reads = reads;
    }

    /** The search criteria of {@code creators}, validated. */
    public record Criteria(String genre, Tier tier, Boolean verified, String region, CreatorStatus status,
            String search) {

        public static Criteria of(String genre, Tier tier, Boolean verified, String region, CreatorStatus status,
                String search) {
            return new Criteria(
                    genre == null || genre.isBlank() ? null : CreatorRules.genre("filter.genre", genre),
                    tier, verified, CreatorRules.region("filter.region", region), status,
                    search == null || search.isBlank() ? null
                            : CreatorRules.fold(dev.chorus.common.input.Inputs.requiredLine("filter.search",
                                    search, CreatorRules.SEARCH_MAX)));
        }
    }

    /** The creator, when the caller may see it (see {@link CreatorVisibility}). */
    public Uni<CreatorEntity> byId(Access access, UUID id) {
        return reads.read(s -> s.find(CreatorEntity.class, id)).map(c -> visible(access, c));
    }

    /** The creators with these ids, in the order asked, null where none exists or the caller may not see it. */
    public Uni<List<CreatorEntity>> byIds(Access access, List<UUID> ids) {
        return byIds(ids).map(rows -> rows.stream().map(c -> visible(access, c)).toList());
    }

    /** The creators with these ids, in the order asked, null where none exists. */
    public Uni<List<CreatorEntity>> byIds(List<UUID> ids) {
        return reads.byIds(CreatorEntity.class, ids, c -> c.id);
    }

    public Uni<CreatorEntity> byHandle(Access access, String handle) {
        return reads.read(s -> s.createSelectionQuery("from CreatorEntity where handle = :handle", CreatorEntity.class)
                .setParameter("handle", handle).getSingleResultOrNull()).map(c -> visible(access, c));
    }

    /** One page of creators, newest first; counts all matches only when {@code withTotal}. */
    public Uni<Slice<CreatorEntity>> search(Access access, Criteria criteria, PageRequest<Cursor.TimeAndId> page,
            boolean withTotal) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder("where 1 = 1" + CreatorVisibility.where(access, params));
        if (criteria.genre() != null) {
            where.append(" and array_contains(c.genres, :genre)");
            params.put("genre", criteria.genre());
        }
        if (criteria.tier() != null) {
            where.append(" and c.tier = :tier");
            params.put("tier", criteria.tier());
        }
        if (criteria.verified() != null) {
            where.append(" and c.verified = :verified");
            params.put("verified", criteria.verified());
        }
        if (criteria.region() != null) {
            where.append(" and c.region = :region");
            params.put("region", criteria.region());
        }
        if (criteria.status() != null) {
            where.append(" and c.status = :status");
            params.put("status", criteria.status());
        }
        if (criteria.search() != null) {
            where.append(" and c.searchText like :search escape '\\'");
            params.put("search", "%" + escapeLike(criteria.search()) + "%");
        }
        Map<String, Object> countParams = new LinkedHashMap<>(params);
        String countHql = "select count(*) from CreatorEntity c " + where;
        if (page.hasAfter()) {
            where.append(" and (c.joinedAt < :afterTime or (c.joinedAt = :afterTime and c.id < :afterId))");
            params.put("afterTime", page.after().time());
            params.put("afterId", page.after().id());
        }
        String pageHql = "from CreatorEntity c " + where + " order by c.joinedAt desc, c.id desc";

        Uni<List<CreatorEntity>> rows = reads.read(s -> bind(s.createSelectionQuery(pageHql, CreatorEntity.class),
                params).setMaxResults(page.fetchSize()).getResultList());
        if (!withTotal) {
            return rows.map(list -> new Slice<>(list, null));
        }
        Uni<Long> total = reads.read(s -> bind(s.createSelectionQuery(countHql, Long.class), countParams)
                .getSingleResult());
        return Uni.combine().all().unis(rows, total).with((list, count) -> new Slice<>(list, Math.toIntExact(count)));
    }

    public Uni<Map<UUID, List<AliasEntity>>> aliasesOf(Collection<UUID> creatorIds) {
        return grouped(creatorIds, AliasEntity.class, "t.creator_id, t.position", a -> a.creatorId);
    }

    /** The creator when the caller may see it, else null. */
    public static CreatorEntity visible(Access access, CreatorEntity creator) {
        return CreatorVisibility.sees(access, creator) ? creator : null;
    }

    /** The rows of {@code type}'s table for these creators ({@code creator_id}), grouped by creator: one statement. */
    public <T> Uni<Map<UUID, List<T>>> grouped(Collection<UUID> creatorIds, Class<T> type, String orderBy,
            Function<T, UUID> creatorOf) {
        return reads.where(type, "creator_id", creatorIds, orderBy).map(rows -> Batches.groupBy(rows, creatorOf));
    }

    private static <Q extends Mutiny.SelectionQuery<?>> Q bind(Q query, Map<String, Object> params) {
        params.forEach(query::setParameter);
        return query;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
