package dev.chorus.events.event;

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
import dev.chorus.common.security.Access;
import dev.chorus.events.city.CityRules;
import io.smallrye.mutiny.Uni;

/** Every read of events; batched reads cost the same whatever the number of events. */
@ApplicationScoped
public class EventQueries {
    private final Reads reads;

    public EventQueries(Reads reads) {
        this.reads = reads;
    }

    /** The event, when the caller may see it (see {@link EventVisibility}). */
    public Uni<EventEntity> byId(Access access, UUID id) {
        return reads.read(s -> s.find(EventEntity.class, id)).map(e -> EventVisibility.sees(access, e) ? e : null);
    }

    /** The events with these ids, in order, null where none exists or the caller may not see it. */
    public Uni<List<EventEntity>> byIds(Access access, List<UUID> ids) {
        return byIds(ids).map(events -> events.stream().map(e -> EventVisibility.sees(access, e) ? e : null).toList());
    }

    /** The events with these ids whoever asks, for fields reached through something visible already. */
    public Uni<List<EventEntity>> byIds(List<UUID> ids) {
        return reads.byIds(EventEntity.class, ids, e -> e.id);
    }

    /** One page of the events the caller may see, by start time (soonest or latest first), then id. */
    public Uni<Slice<EventEntity>> search(Access access, EventFilter filter, EventOrder order,
            PageRequest<Cursor.TimeAndId> page, boolean withTotal) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder("where true" + EventVisibility.sql(access));
        if (filter != null) {
            if (filter.kind() != null) {
                where.append(" and e.kind = :kind");
                params.put("kind", filter.kind().name());
            }
            if (filter.organizer() != null) {
                where.append(" and e.organizer = :organizer");
                params.put("organizer", filter.organizer().name());
            }
            if (filter.status() != null) {
                where.append(" and e.status = :status");
                params.put("status", filter.status().name());
            }
            String cityKey = CityRules.optionalLookup("filter.city", filter.city());
            if (cityKey != null) {
                where.append(" and v.city_id = (select n.city_id from city_name n where n.name_key = :cityKey)");
                params.put("cityKey", cityKey);
            }
            if (filter.from() != null) {
                where.append(" and e.ends_at >= :from");
                params.put("from", filter.from());
            }
            if (filter.to() != null) {
                where.append(" and e.starts_at < :to");
                params.put("to", filter.to());
            }
        }
        String from = "from event e join venue v on v.id = e.venue_id " + where;
        Map<String, Object> pageParams = new LinkedHashMap<>(params);
        boolean latest = order == EventOrder.LATEST;
        String op = latest ? "<" : ">";
        String direction = latest ? " desc" : "";
        String keyset = "";
        if (page.hasAfter()) {
            keyset = " and (e.starts_at " + op + " :afterTime or (e.starts_at = :afterTime and e.id " + op + " :afterId))";
            pageParams.put("afterTime", page.after().time());
            pageParams.put("afterId", page.after().id());
        }
        String sql = "select " + Columns.of(EventEntity.class, "e") + " " + from + keyset + " order by e.starts_at"
                + direction + ", e.id" + direction + " limit " + page.fetchSize();
        return reads.page(sql, pageParams, EventEntity.class, withTotal, "select count(*) " + from, params);
    }

}
