package dev.chorus.events.lineup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.chorus.common.db.Columns;
import dev.chorus.common.db.NestedPages;
import dev.chorus.common.db.Reads;
import dev.chorus.common.graphql.Batches;
import dev.chorus.common.relay.Cursor;
import dev.chorus.common.relay.PageRequest;
import dev.chorus.common.relay.Slice;
import dev.chorus.common.security.Access;
import dev.chorus.common.time.Times;
import dev.chorus.events.event.EventEntity;
import dev.chorus.events.event.EventVisibility;
import io.smallrye.mutiny.Uni;

/** Reads of line-ups and setlists; batched reads cost the same whatever the number of parents. */
@ApplicationScoped
public class LineupQueries {
    private final Reads reads;
    private final NestedPages nested;

    public LineupQueries(Reads reads, NestedPages nested) {
        this.reads = reads;
        this.nested = nested;
    }

    public Uni<Map<UUID, List<LineupSlotEntity>>> lineupsOf(List<UUID> eventIds) {
        return reads.where(LineupSlotEntity.class, "event_id", eventIds, "t.event_id, t.position")
                .map(rows -> Batches.groupBy(rows, r -> r.eventId));
    }

    public Uni<Map<UUID, List<SetlistEntryEntity>>> setlistsOf(List<UUID> eventIds) {
        return reads.where(SetlistEntryEntity.class, "event_id", eventIds, "t.event_id, t.position")
                .map(rows -> Batches.groupBy(rows, r -> r.eventId));
    }

    /** For each creator, one page of their line-up slots by event start ({@code upcoming}: not yet ended). */
    public Uni<Map<UUID, Slice<LineupSlotEntity>>> performancesOf(Access access, List<UUID> creators,
            Boolean upcoming, PageRequest<Cursor.Number> page, boolean withTotal) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ids", Reads.array(NestedPages.parents(creators)));
        String where = "where s.creator_id = any(:ids)" + EventVisibility.sql(access);
        String order = "e.starts_at, s.id";
        if (upcoming != null) {
            where += upcoming ? " and e.ends_at >= :now" : " and e.ends_at < :now";
            order = upcoming ? order : "e.starts_at desc, s.id desc";
            params.put("now", Times.now());
        }
        Map<String, Object> pageParams = new LinkedHashMap<>(params);
        int offset = PageRequest.offset(page);
        String sql = Columns.select(LineupSlotEntity.class, "s")
                + " join (select s.id, row_number() over (partition by s.creator_id order by " + order + ")"
                + " as rn from lineup_slot s join event e on e.id = s.event_id " + where
                + ") w on w.id = s.id where w.rn > " + offset + " and w.rn <= " + (offset + page.fetchSize())
                + " order by s.creator_id, w.rn";
        return nested.slices(NestedPages.parents(creators), nested.byRows(sql, pageParams, LineupSlotEntity.class,
                s -> s.creatorId), withTotal, "select s.creator_id, count(*) from lineup_slot s join event e on "
                        + "e.id = s.event_id " + where + " group by s.creator_id", params);
    }

    /** For each work, one page of the events whose setlist holds it, by start time. */
    public Uni<Map<UUID, Slice<EventEntity>>> performedAt(Access access, List<UUID> works, PageRequest<Cursor.Number> page,
            boolean withTotal) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ids", Reads.array(NestedPages.parents(works)));
        String from = "from setlist_entry l join event e on e.id = l.event_id where l.work_id = any(:ids)"
                + EventVisibility.sql(access);
        int offset = PageRequest.offset(page);
        String sql = "select p.work_id, p.event_id from (select l.work_id, l.event_id, row_number() over (partition by "
                + "l.work_id order by e.starts_at, e.id) as rn " + from + ") p where p.rn > " + offset
                + " and p.rn <= " + (offset + page.fetchSize()) + " order by p.work_id, p.rn";
        return nested.slices(NestedPages.parents(works), nested.byPairs(sql, params, EventEntity.class, e -> e.id),
                withTotal, "select l.work_id, count(*) " + from + " group by l.work_id", params);
    }
}
