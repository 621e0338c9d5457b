package dev.chorus.content.work;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.chorus.common.db.Columns;
import dev.chorus.common.db.NestedPages;
import dev.chorus.common.db.Reads;
import dev.chorus.common.graphql.Batches;
import dev.chorus.common.input.Inputs;
import dev.chorus.common.relay.Cursor;
import dev.chorus.common.relay.PageRequest;
import dev.chorus.common.relay.Slice;
import dev.chorus.common.security.Access;
import io.smallrye.mutiny.Uni;

/**
 * Every read of works. A batched read costs the same statements for one parent as for fifty: nested pages use a
 * window function to take the first rows of every parent at once. Each read has a session of its own.
 */
@ApplicationScoped
public class WorkQueries {
    private final Reads reads;
    private final NestedPages nested;

    public WorkQueries(Reads reads, NestedPages nested) {
        this.reads = reads;
        this.nested = nested;
    }

    /** Validated filter criteria. */
    public record Criteria(WorkKind kind, WorkStatus status, String genre, String search) {
        public static Criteria of(WorkFilter filter) {
            if (filter == null) {
                return new Criteria(null, null, null, null);
            }
            String search = filter.search() == null || filter.search().isBlank() ? null
                    : Inputs.requiredLine("filter.search", filter.search(), 100).toLowerCase(Locale.ROOT);
            String genre = filter.genre() == null || filter.genre().isBlank() ? null
                    : Inputs.requiredLine("filter.genre", filter.genre(), WorkRules.GENRE_MAX).toLowerCase(Locale.ROOT);
            return new Criteria(filter.kind(), filter.status(), genre, search);
        }

        /** SQL conditions on work alias {@code w}, adding their parameters. */
        String where(Map<String, Object> params) {
            StringBuilder sql = new StringBuilder();
            if (kind != null) {
                sql.append(" and w.kind = :kind");
                params.put("kind", kind.name());
            }
            if (status != null) {
                sql.append(" and w.status = :status");
                params.put("status", status.name());
            }
            if (genre != null) {
                sql.append(" and w.genre = :genre");
                params.put("genre", genre);
            }
            if (search != null) {
                sql.append(" and lower(w.title) like :search escape '\\'");
                params.put("search", "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
            return sql.toString();
        }
    }

    public Uni<WorkEntity> byId(Access access, UUID id) {
        return byIds(access, List.of(id)).map(list -> list.get(0));
    }

    /** The works with these ids, in the order asked, null where none exists or the caller may not see it. */
    public Uni<List<WorkEntity>> byIds(Access access, List<UUID> ids) {
        return byIds(ids).chain(works -> visible(access, works));
    }

    /**
     * The works with these ids whoever asks, for fields reached only through a list that holds visible works
     * only (the work of a listed credit, a trending work, both PUBLISHED or the caller's own).
     */
    public Uni<List<WorkEntity>> byIds(List<UUID> ids) {
        return reads.byIds(WorkEntity.class, ids, w -> w.id);
    }

    public Uni<WorkEntity> byIsrc(Access access, String isrc) {
        return reads.read(s -> s.createSelectionQuery("from WorkEntity where isrc = :isrc", WorkEntity.class)
                .setParameter("isrc", isrc).getSingleResultOrNull())
                .chain(work -> visible(access, java.util.Collections.singletonList(work))).map(list -> list.get(0));
    }

    /** The works the caller may see, null in place of the others; at most one statement. */
    Uni<List<WorkEntity>> visible(Access access, List<WorkEntity> works) {
        return WorkVisibility.visible(access, works, this::creditedAmong);
    }

    /** Of these works, those whose private fields the caller may see (see {@link WorkVisibility}). */
    public Uni<Set<UUID>> withPrivateFields(Access access, List<UUID> works) {
        return WorkVisibility.withPrivateFields(access, works, this::creditedAmong);
    }

    /** {@link WorkVisibility.Credits} in a read session of its own. */
    private Uni<Set<UUID>> creditedAmong(UUID creator, List<UUID> works) {
        return reads.read(s -> s.createNativeQuery(
                "select distinct work_id from work_credit where creator_id = :me and work_id = any(:ids)", UUID.class)
                .setParameter("me", creator).setParameter("ids", Reads.array(works)).getResultList())
                .map(Set::copyOf);
    }

    /** One page of the works matching the criteria that the caller may see, newest first. */
    public Uni<Slice<WorkEntity>> search(Access access, Criteria criteria, PageRequest<Cursor.TimeAndId> page,
            boolean withTotal) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = "where true" + criteria.where(params) + WorkVisibility.sql(access, params);
        Map<String, Object> pageParams = new LinkedHashMap<>(params);
        WorkOrdering newest = WorkOrdering.NEWEST;
        String pageSql = Columns.select(WorkEntity.class, "w") + " " + where + newest.after(page.after(), pageParams)
                + " order by " + newest.order() + " limit " + page.fetchSize();
        return reads.page(pageSql, pageParams, WorkEntity.class, withTotal, "select count(*) from work w " + where, params);
    }

    /** Pages of works for many parents, and each listed work's sort key (for its cursor). */
    public record Pages(Map<UUID, Slice<WorkEntity>> slices, Map<UUID, Object> keys) {
    }

    /** For each source work, one page of the works of {@code kind} derived from it (remixes, covers, videos). */
    public Uni<Pages> derivedFrom(Access access, List<UUID> sources, WorkKind kind, WorkOrdering ordering,
            PageRequest<Cursor> page, boolean withTotal) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ids", Reads.array(NestedPages.parents(sources)));
        params.put("kind", kind.name());
        String where = " where w.derived_from_id = any(:ids) and w.kind = :kind" + WorkVisibility.sql(access, params);
        return pages(NestedPages.parents(sources), "w.derived_from_id", "from work w", where, params, ordering, page,
                withTotal);
    }

    /** For each creator, one page of the works crediting them. Two statements, plus the count. */
    public Uni<Pages> ofCreators(Access access, List<UUID> creators, Criteria criteria, WorkOrdering ordering,
            PageRequest<Cursor> page, boolean withTotal) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ids", Reads.array(NestedPages.parents(creators)));
        String from = "from (select distinct creator_id, work_id from work_credit where creator_id = any(:ids)) c "
                + "join work w on w.id = c.work_id";
        String where = " where true" + criteria.where(params) + WorkVisibility.sql(access, params);
        return pages(NestedPages.parents(creators), "c.creator_id", from, where, params, ordering, page, withTotal);
    }

    /**
     * One page per parent of the works {@code from ... where ...} selects, in {@code ordering}: a window function
     * numbers each parent's works (the keyset after the cursor applied first), the first {@code fetchSize} of
     * each are loaded, and their sort keys kept for the cursors.
     */
    private Uni<Pages> pages(List<UUID> parents, String parent, String from, String where, Map<String, Object> params,
            WorkOrdering ordering, PageRequest<Cursor> page, boolean withTotal) {
        Map<String, Object> pageParams = new LinkedHashMap<>(params);
        String sql = "select p.parent_id, p.id, p.sort_key from (select " + parent + " as parent_id, w.id, "
                + ordering.key() + " as sort_key, row_number() over (partition by " + parent + " order by "
                + ordering.order() + ") as rn " + from + ordering.join(pageParams) + where
                + ordering.after(page.after(), pageParams) + ") p where p.rn <= " + page.fetchSize()
                + " order by p.parent_id, p.rn";
        return nested.keyedPairs(sql, pageParams, WorkEntity.class, w -> w.id)
                .chain(keyed -> nested.slices(parents, Uni.createFrom().item(keyed.byParent()), withTotal,
                        "select " + parent + ", count(*) " + from + where + " group by " + parent, params)
                        .map(slices -> new Pages(slices, keyed.keys())));
    }

    public Uni<Map<UUID, List<CreditEntity>>> creditsOf(List<UUID> workIds) {
        return reads.where(CreditEntity.class, "work_id", workIds, "t.work_id, t.position")
                .map(rows -> Batches.groupBy(rows, c -> c.workId));
    }

    public Uni<Map<UUID, List<RoyaltySplitEntity>>> splitsOf(List<UUID> workIds) {
        return reads.where(RoyaltySplitEntity.class, "work_id", workIds, "t.work_id, t.position")
                .map(rows -> Batches.groupBy(rows, c -> c.workId));
    }

    /** For each creator, one page of their credit lines on works the caller may see, grouped by work. */
    public Uni<Map<UUID, Slice<CreditEntity>>> creditsOfCreators(Access access, List<UUID> creators,
            PageRequest<Cursor.IdAndNumber> page, boolean withTotal) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ids", Reads.array(NestedPages.parents(creators)));
        String visible = WorkVisibility.sql(access, params);
        String where = "where c.creator_id = any(:ids)" + (visible.isEmpty() ? ""
                : " and exists (select 1 from work w where w.id = c.work_id" + visible + ")");
        Map<String, Object> pageParams = new LinkedHashMap<>(params);
        String after = "";
        if (page.hasAfter()) {
            after = " and (c.work_id > :afterWork or (c.work_id = :afterWork and c.position > :afterPosition))";
            pageParams.put("afterWork", page.after().id());
            pageParams.put("afterPosition", page.after().number());
        }
        String sql = Columns.select(CreditEntity.class, "c")
                + " join (select c.id, row_number() over (partition by c.creator_id order by c.work_id, c.position)"
                + " as rn from work_credit c " + where + after
                + ") r on r.id = c.id where r.rn <= " + page.fetchSize() + " order by c.creator_id, r.rn";
        return nested.slices(NestedPages.parents(creators),
                nested.byRows(sql, pageParams, CreditEntity.class, c -> c.creatorId), withTotal,
                "select c.creator_id, count(*) from work_credit c " + where + " group by c.creator_id",
                params);
    }

}
