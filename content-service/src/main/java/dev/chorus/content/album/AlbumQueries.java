package dev.chorus.content.album;

import java.util.LinkedHashMap;
import java.util.List;
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

/** Every read of albums; batched reads cost the same statements whatever the number of parents. */
@ApplicationScoped
public class AlbumQueries {
    private final Reads reads;
    private final NestedPages nested;

    public AlbumQueries(Reads reads, NestedPages nested) {
        this.reads = reads;
        this.nested = nested;
    }

    public Uni<AlbumEntity> byId(Access access, UUID id) {
        return byIds(access, List.of(id)).map(list -> list.get(0));
    }

    /** The albums with these ids, in order, null where none exists or the caller may not see it. */
    public Uni<List<AlbumEntity>> byIds(Access access, List<UUID> ids) {
        return reads.byIds(AlbumEntity.class, ids, a -> a.id).chain(albums -> {
            List<UUID> hidden = albums.stream().filter(a -> a != null && a.status != AlbumStatus.RELEASED)
                    .map(a -> a.id).toList();
            if (access.staff() || hidden.isEmpty()) {
                return Uni.createFrom().item(albums);
            }
            return artistOf(access, hidden).map(own -> albums.stream()
                    .map(a -> a == null || a.status == AlbumStatus.RELEASED || own.contains(a.id) ? a : null)
                    .toList());
        });
    }

    /**
     * Of these albums, those whose private fields (distributions) the caller may see: all for staff, those naming
     * the caller's creator as a primary artist otherwise; one statement at most.
     */
    public Uni<Set<UUID>> withPrivateFields(Access access, List<UUID> albums) {
        return access.staff() ? Uni.createFrom().item(Set.copyOf(albums)) : artistOf(access, albums);
    }

    private Uni<Set<UUID>> artistOf(Access access, List<UUID> albums) {
        if (access.creatorId() == null || albums.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return reads.read(s -> s.createNativeQuery(
                "select distinct album_id from album_artist where creator_id = :me and album_id = any(:ids)", UUID.class)
                .setParameter("me", access.creatorId()).setParameter("ids", Reads.array(albums)).getResultList())
                .map(Set::copyOf);
    }

    /**
     * Which albums a caller may see, as a SQL condition on alias {@code a}: RELEASED ones for everybody, the others
     * for staff and their primary artists.
     */
    static String visible(Access access, Map<String, Object> params) {
        if (access.staff()) {
            return "";
        }
        if (access.creatorId() == null) {
            return " and a.status = 'RELEASED'";
        }
        params.put("viewer", access.creatorId());
        return " and (a.status = 'RELEASED' or exists (select 1 from album_artist va where va.album_id = a.id "
                + "and va.creator_id = :viewer))";
    }

    /** One page of the albums the caller may see, newest first. */
    public Uni<Slice<AlbumEntity>> search(Access access, AlbumFilter filter, PageRequest<Cursor.TimeAndId> page, boolean withTotal) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = "where true" + visible(access, params) + matching(filter, params);
        Map<String, Object> pageParams = new LinkedHashMap<>(params);
        String sql = Columns.select(AlbumEntity.class, "a") + " " + where + after(page, pageParams)
                + " order by a.created_at desc, a.id desc limit " + page.fetchSize();
        return reads.page(sql, pageParams, AlbumEntity.class, withTotal, "select count(*) from album a " + where, params);
    }

    public Uni<Map<UUID, List<AlbumArtistEntity>>> artistsOf(List<UUID> albumIds) {
        return reads.where(AlbumArtistEntity.class, "album_id", albumIds, "t.album_id, t.position")
                .map(rows -> Batches.groupBy(rows, a -> a.albumId));
    }

    public Uni<Map<UUID, List<AlbumTrackEntity>>> tracksOf(List<UUID> albumIds) {
        return reads.where(AlbumTrackEntity.class, "album_id", albumIds, "t.album_id, t.position")
                .map(rows -> Batches.groupBy(rows, t -> t.albumId));
    }

    /** For each creator, one page of the albums naming them as a primary artist and matching the filter, newest first. */
    public Uni<Map<UUID, Slice<AlbumEntity>>> ofCreators(Access access, List<UUID> creators, AlbumFilter filter,
            PageRequest<Cursor.TimeAndId> page, boolean withTotal) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ids", Reads.array(NestedPages.parents(creators)));
        String from = "from album_artist r join album a on a.id = r.album_id where r.creator_id = any(:ids)"
                + visible(access, params) + matching(filter, params);
        Map<String, Object> pageParams = new LinkedHashMap<>(params);
        String sql = "select p.creator_id, p.id from (select r.creator_id, a.id, row_number() over (partition by "
                + "r.creator_id order by a.created_at desc, a.id desc) as rn " + from + after(page, pageParams)
                + ") p where p.rn <= " + page.fetchSize() + " order by p.creator_id, p.rn";
        return nested.slices(NestedPages.parents(creators), nested.byPairs(sql, pageParams, AlbumEntity.class, a -> a.id),
                withTotal, "select r.creator_id, count(*) " + from + " group by r.creator_id", params);
    }

    /** The filter as SQL conditions on alias {@code a}, adding its parameters; empty without a filter. */
    private static String matching(AlbumFilter filter, Map<String, Object> params) {
        if (filter == null) {
            return "";
        }
        StringBuilder where = new StringBuilder();
        if (filter.kind() != null) {
            where.append(" and a.kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.status() != null) {
            where.append(" and a.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.boutique() != null) {
            where.append(" and a.boutique = :boutique");
            params.put("boutique", filter.boutique());
        }
        if (filter.artistId() != null) {
            where.append(" and exists (select 1 from album_artist fa where fa.album_id = a.id and fa.creator_id = :artist)");
            params.put("artist", Inputs.id("filter.artistId", filter.artistId()));
        }
        return where.toString();
    }

    private static String after(PageRequest<Cursor.TimeAndId> page, Map<String, Object> params) {
        if (!page.hasAfter()) {
            return "";
        }
        params.put("afterTime", page.after().time());
        params.put("afterId", page.after().id());
        return " and (a.created_at < :afterTime or (a.created_at = :afterTime and a.id < :afterId))";
    }
}
