package dev.chorus.content.production;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

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
import dev.chorus.common.time.Times;
import io.smallrye.mutiny.Uni;

/**
 * Reads of productions, each in a session of its own. Who sees a production is {@link ProductionAccess}; in SQL,
 * {@link #visible}: staff all, a creator those they take part in and the released ones, anyone else the released.
 */
@ApplicationScoped
public class ProductionQueries {
    private final Reads reads;
    private final NestedPages nested;

    public ProductionQueries(Reads reads, NestedPages nested) {
        this.reads = reads;
        this.nested = nested;
    }

    /** A production as one caller sees it. */
    public record View(ProductionEntity production, ProductionAccess access) {
    }

    /** The productions the caller may see, as a condition on alias {@code p}, adding its parameters. */
    static String visible(Access access, Map<String, Object> params) {
        if (access.staff()) {
            return "";
        }
        if (access.creatorId() == null) {
            return " and p.stage = 'RELEASED'";
        }
        params.put("me", access.creatorId());
        return " and (p.stage = 'RELEASED' or p.artist_id = :me or p.director_id = :me or exists (select 1 from "
                + "production_director d where d.production_id = p.id and d.creator_id = :me))";
    }

    /** Each production as the caller sees it (null where they may not): one statement at most. */
    Uni<List<View>> views(Access access, List<ProductionEntity> productions) {
        List<UUID> ids = productions.stream().filter(p -> p != null).map(p -> p.id).toList();
        Uni<Set<UUID>> shortlisted = access.staff() || access.creatorId() == null || ids.isEmpty()
                ? Uni.createFrom().item(Set.of())
                : reads.read(s -> s.createNativeQuery("select production_id from production_director where creator_id "
                        + "= :me and production_id = any(:ids)", UUID.class).setParameter("me", access.creatorId())
                        .setParameter("ids", Reads.array(ids)).getResultList()).map(Set::copyOf);
        return shortlisted.map(listed -> productions.stream().map(p -> {
            ProductionAccess seen = p == null ? null : ProductionAccess.of(access, p, listed.contains(p.id));
            return seen == null ? null : new View(p, seen);
        }).toList());
    }

    public Uni<List<View>> byIds(Access access, List<UUID> ids) {
        return reads.byIds(ProductionEntity.class, ids, p -> p.id).chain(rows -> views(access, rows));
    }

    /** One page of the productions the caller may see, the newest first. */
    public Uni<Slice<View>> search(Access access, ProductionFilter filter, PageRequest<Cursor.TimeAndId> page,
            boolean withTotal) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder("where true").append(visible(access, params));
        if (filter != null && filter.stage() != null) {
            where.append(" and p.stage = '").append(filter.stage().name()).append("'");
        }
        if (filter != null && filter.overdue() != null) {
            where.append(filter.overdue() ? " and " : " and not ").append("exists (select 1 from production_due u where "
                    + "u.production_id = p.id and u.stage = p.stage and u.due_at < :now)");
            params.put("now", Times.now());
        }
        if (filter != null && filter.artistId() != null) {
            where.append(" and p.artist_id = :artist");
            params.put("artist", Inputs.id("filter.artistId", filter.artistId()));
        }
        if (filter != null && filter.directorId() != null) {
            where.append(" and p.director_id = :director");
            params.put("director", Inputs.id("filter.directorId", filter.directorId()));
        }
        Map<String, Object> pageParams = new LinkedHashMap<>(params);
        String keyset = "";
        if (page.hasAfter()) {
            keyset = " and (p.created_at < :afterTime or (p.created_at = :afterTime and p.id < :afterId))";
            pageParams.put("afterTime", page.after().time());
            pageParams.put("afterId", page.after().id());
        }
        String sql = Columns.select(ProductionEntity.class, "p") + " " + where + keyset
                + " order by p.created_at desc, p.id desc limit " + page.fetchSize();
        return reads.page(sql, pageParams, ProductionEntity.class, withTotal, "select count(*) from production p "
                + where, params).chain(slice -> views(access, slice.rows()).map(views -> new Slice<>(views, slice.totalCount())));
    }

    /** For each work, its productions the caller may see, the newest first. */
    public Uni<Map<UUID, List<View>>> ofWorks(Access access, List<UUID> works) {
        return parents(access, "p.work_id = any(:ids)", works, p -> List.of(p.workId));
    }

    /** For each creator, the productions they are the artist or the director of that the caller may see. */
    public Uni<Map<UUID, List<View>>> ofCreators(Access access, List<UUID> creators) {
        return parents(access, "(p.artist_id = any(:ids) or p.director_id = any(:ids))", creators,
                p -> p.directorId == null ? List.of(p.artistId) : List.of(p.artistId, p.directorId));
    }

    private Uni<Map<UUID, List<View>>> parents(Access access, String condition, List<UUID> parents,
            Function<ProductionEntity, List<UUID>> parentsOf) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ids", Reads.array(NestedPages.parents(parents)));
        String sql = Columns.select(ProductionEntity.class, "p") + " where " + condition + visible(access, params)
                + " order by p.created_at desc, p.id desc";
        return reads.read(s -> NestedPages.bind(s.createNativeQuery(sql, ProductionEntity.class), params)
                .getResultList()).chain(rows -> views(access, rows)).map(views -> {
                    Map<UUID, List<View>> byParent = new HashMap<>();
                    Set<UUID> asked = Set.copyOf(NestedPages.parents(parents));
                    for (View v : views) {
                        for (UUID parent : parentsOf.apply(v.production())) {
                            if (asked.contains(parent)) {
                                byParent.computeIfAbsent(parent, k -> new java.util.ArrayList<>()).add(v);
                            }
                        }
                    }
                    return byParent;
                });
    }

    public Uni<Map<UUID, List<ProductionDue>>> dueDatesOf(List<UUID> productions) {
        return rows("select production_id, stage, due_at from production_due where production_id = any(:ids) order by "
                + "production_id, due_at", productions, r -> new ProductionDue(ProductionStage.valueOf((String) r[1]),
                        Times.of(r[2])));
    }

    public Uni<Map<UUID, List<ShortlistedDirectorRow>>> shortlistsOf(List<UUID> productions) {
        return rows("select production_id, creator_id, shortlisted_at, pitch_title, pitch_treatment, pitched_at from "
                + "production_director where production_id = any(:ids) order by production_id, position", productions,
                r -> new ShortlistedDirectorRow((UUID) r[1], new ShortlistedDirector(
                        new dev.chorus.content.federation.Creator(r[1].toString()), Times.of(r[2]), r[3] == null ? null
                                : new ProductionPitch((String) r[3], (String) r[4], Times.of(r[5])))));
    }

    /** A shortlisted director with the creator id their visibility is decided by. */
    public record ShortlistedDirectorRow(UUID creatorId, ShortlistedDirector director) {
    }

    public Uni<Map<UUID, List<ProductionCut>>> cutsOf(List<UUID> productions) {
        return rows("select production_id, id, version, url, added_at from production_cut where production_id = "
                + "any(:ids) order by production_id, version", productions, r -> cut(java.util.Arrays.copyOfRange(r, 1,
                        r.length)));
    }

    public Uni<Map<UUID, List<ProductionCut>>> cutsByIds(List<UUID> cuts) {
        return rows("select id, id, version, url, added_at from production_cut where id = any(:ids)", cuts,
                r -> cut(java.util.Arrays.copyOfRange(r, 1, r.length)));
    }

    public Uni<Map<UUID, List<CutFeedback>>> feedbackOf(List<UUID> cuts) {
        return rows("select cut_id, id, author, note, created_at from production_feedback where cut_id = any(:ids) "
                + "order by cut_id, created_at, id", cuts, r -> feedback(java.util.Arrays.copyOfRange(r, 1, r.length)));
    }

    public Uni<Map<UUID, List<ProductionStep>>> historyOf(List<UUID> productions) {
        return rows("select production_id, from_stage, to_stage, actor, at, note from production_step where "
                + "production_id = any(:ids) order by production_id, at, id", productions, r -> new ProductionStep(
                        r[1] == null ? null : ProductionStage.valueOf((String) r[1]),
                        ProductionStage.valueOf((String) r[2]), (String) r[3], Times.of(r[4]), (String) r[5]));
    }

    private <T> Uni<Map<UUID, List<T>>> rows(String sql, List<UUID> parents, Function<Object[], T> row) {
        List<UUID> ids = NestedPages.parents(parents);
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return reads.read(s -> s.createNativeQuery(sql, Object[].class).setParameter("ids", Reads.array(ids))
                .getResultList()).map(rows -> {
                    Map<UUID, List<T>> grouped = new HashMap<>();
                    Batches.groupBy(rows, r -> (UUID) r[0]).forEach((k, list) -> grouped.put(k,
                            list.stream().map(row).collect(Collectors.toList())));
                    return grouped;
                });
    }

    /** A cut from {@code id, version, url, added_at}. */
    static ProductionCut cut(Object[] r) {
        return new ProductionCut(r[0].toString(), ((Number) r[1]).intValue(), (String) r[2], Times.of(r[3]));
    }

    /** Feedback from {@code id, author, note, created_at}. */
    static CutFeedback feedback(Object[] r) {
        return new CutFeedback((String) r[1], (String) r[2], Times.of(r[3]));
    }
}
