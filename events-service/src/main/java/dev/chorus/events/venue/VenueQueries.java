package dev.chorus.events.venue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.chorus.common.db.Columns;
import dev.chorus.common.db.Reads;
import dev.chorus.common.relay.Cursor;
import dev.chorus.common.relay.PageRequest;
import dev.chorus.common.relay.Slice;
import io.smallrye.mutiny.Uni;

/** Reads of venues, each in a session of its own. */
@ApplicationScoped
public class VenueQueries {
    private final Reads reads;

    public VenueQueries(Reads reads) {
        this.reads = reads;
    }

    public Uni<VenueEntity> byId(UUID id) {
        return reads.read(s -> s.find(VenueEntity.class, id));
    }

    /** The venues with these ids, in order, null where none exists. */
    public Uni<List<VenueEntity>> byIds(List<UUID> ids) {
        return reads.byIds(VenueEntity.class, ids, v -> v.id);
    }

    /** One page of venues by name, optionally in the city one of whose names has this key. */
    public Uni<Slice<VenueEntity>> search(String cityKey, PageRequest<Cursor.TextAndId> page, boolean withTotal) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = "where true";
        if (cityKey != null) {
            where += " and v.city_id = (select n.city_id from city_name n where n.name_key = :cityKey)";
            params.put("cityKey", cityKey);
        }
        Map<String, Object> pageParams = new LinkedHashMap<>(params);
        String keyset = "";
        if (page.hasAfter()) {
            keyset = " and (v.name > :afterName or (v.name = :afterName and v.id > :afterId))";
            pageParams.put("afterName", page.after().text());
            pageParams.put("afterId", page.after().id());
        }
        String sql = Columns.select(VenueEntity.class, "v") + " " + where + keyset + " order by v.name, v.id limit "
                + page.fetchSize();
        String countSql = "select count(*) from venue v " + where;
        return reads.page(sql, pageParams, VenueEntity.class, withTotal, countSql, params);
    }
}
