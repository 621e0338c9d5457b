package dev.chorus.events.event;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.chorus.common.db.NestedPages;
import dev.chorus.common.db.Reads;
import dev.chorus.common.graphql.Batches;
import dev.chorus.common.relay.PageRequest;
import dev.chorus.common.relay.Slice;
import dev.chorus.common.security.Access;
import dev.chorus.common.time.Times;
import dev.chorus.events.lineup.LineupSlotEntity;
import dev.chorus.events.lineup.SetlistEntryEntity;
import dev.chorus.events.registration.RegistrationEntity;
import dev.chorus.events.registration.RegistrationStatus;
import io.smallrye.mutiny.Uni;

/** Every read of events and what hangs off them; batched reads cost the same whatever the number of parents. */
@ApplicationScoped
public class EventQueries {
    private final Reads reads;
    private final NestedPages nested;

    public EventQueries(Reads reads, NestedPages nested) {
        this.reads = reads;
        this.nested = nested;
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

    /** One page of the events the caller may see, by start time, soonest first. */
    public Uni<Slice<EventEntity>> search(Access access, EventFilter filter, PageRequest page, boolean withTotal) {
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
            if (filter.city() != null && !filter.city().isBlank()) {
                where.append(" and lower(v.city) = lower(:city)");
                params.put("city", filter.city().strip());
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
        String keyset = "";
        if (page.hasAfter()) {
            keyset = " and (e.starts_at > :afterTime or (e.starts_at = :afterTime and e.id > :afterId))";
            pageParams.put("afterTime", page.afterTime(0));
            pageParams.put("afterId", page.afterId(1));
        }
        String sql = "select e.* " + from + keyset + " order by e.starts_at, e.id limit " + page.fetchSize();
        return reads.page(sql, pageParams, EventEntity.class, withTotal, "select count(*) " + from, params);
    }

    public Uni<Map<UUID, List<LineupSlotEntity>>> lineupsOf(List<UUID> eventIds) {
        return reads.read(s -> s.createSelectionQuery("from LineupSlotEntity where eventId in :ids order by eventId, position",
                LineupSlotEntity.class).setParameter("ids", eventIds).getResultList())
                .map(rows -> Batches.groupBy(rows, r -> r.eventId));
    }

    public Uni<Map<UUID, List<SetlistEntryEntity>>> setlistsOf(List<UUID> eventIds) {
        return reads.read(s -> s.createSelectionQuery("from SetlistEntryEntity where eventId in :ids order by eventId, position",
                SetlistEntryEntity.class).setParameter("ids", eventIds).getResultList())
                .map(rows -> Batches.groupBy(rows, r -> r.eventId));
    }

    /** For each event, one page of its registrations in queue order. */
    public Uni<Map<UUID, Slice<RegistrationEntity>>> registrationsOf(List<UUID> eventIds, RegistrationStatus status,
            PageRequest page, boolean withTotal) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ids", NestedPages.parents(eventIds));
        String where = "where r.event_id in (:ids)";
        if (status != null) {
            where += " and r.status = :status";
            params.put("status", status.name());
        }
        Map<String, Object> pageParams = new LinkedHashMap<>(params);
        String keyset = "";
        if (page.hasAfter()) {
            keyset = " and r.queue_number > :afterQueue";
            pageParams.put("afterQueue", page.afterNumber(0));
        }
        String sql = "select r.* from registration r join (select r.id, row_number() over (partition by r.event_id "
                + "order by r.queue_number) as rn from registration r " + where + keyset + ") w on w.id = r.id "
                + "where w.rn <= " + page.fetchSize() + " order by r.event_id, w.rn";
        return nested.slices(NestedPages.parents(eventIds), nested.byRows(sql, pageParams, RegistrationEntity.class,
                r -> r.eventId), withTotal, "select r.event_id, count(*) from registration r " + where
                        + " group by r.event_id", params);
    }

    /** For each creator, one page of their line-up slots by event start ({@code upcoming}: not yet ended). */
    public Uni<Map<UUID, Slice<LineupSlotEntity>>> performancesOf(Access access, List<UUID> creators,
            Boolean upcoming, PageRequest page, boolean withTotal) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ids", NestedPages.parents(creators));
        String where = "where s.creator_id in (:ids)" + EventVisibility.sql(access);
        String order = "e.starts_at, s.id";
        if (upcoming != null) {
            where += upcoming ? " and e.ends_at >= :now" : " and e.ends_at < :now";
            order = upcoming ? order : "e.starts_at desc, s.id desc";
            params.put("now", Times.now());
        }
        Map<String, Object> pageParams = new LinkedHashMap<>(params);
        int offset = page.offset();
        String sql = "select s.* from lineup_slot s join (select s.id, row_number() over (partition by s.creator_id "
                + "order by " + order + ") as rn from lineup_slot s join event e on e.id = s.event_id " + where
                + ") w on w.id = s.id where w.rn > " + offset + " and w.rn <= " + (offset + page.fetchSize())
                + " order by s.creator_id, w.rn";
        return nested.slices(NestedPages.parents(creators), nested.byRows(sql, pageParams, LineupSlotEntity.class,
                s -> s.creatorId), withTotal, "select s.creator_id, count(*) from lineup_slot s join event e on "
                        + "e.id = s.event_id " + where + " group by s.creator_id", params);
    }

    /** For each work, one page of the events whose setlist holds it, by start time. */
    public Uni<Map<UUID, Slice<EventEntity>>> performedAt(Access access, List<UUID> works, PageRequest page,
            boolean withTotal) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ids", NestedPages.parents(works));
        String from = "from setlist_entry l join event e on e.id = l.event_id where l.work_id in (:ids)"
                + EventVisibility.sql(access);
        int offset = page.offset();
        String sql = "select p.work_id, p.event_id from (select l.work_id, l.event_id, row_number() over (partition by "
                + "l.work_id order by e.starts_at, e.id) as rn " + from + ") p where p.rn > " + offset
                + " and p.rn <= " + (offset + page.fetchSize()) + " order by p.work_id, p.rn";
        return nested.slices(NestedPages.parents(works), nested.byPairs(sql, params, EventEntity.class, e -> e.id),
                withTotal, "select l.work_id, count(*) " + from + " group by l.work_id", params);
    }

    /** A registration, for its attendee and staff only; null for everybody else. */
    public Uni<RegistrationEntity> registration(Access access, UUID id) {
        return reads.read(s -> s.find(RegistrationEntity.class, id))
                .map(r -> r != null && (access.staff() || r.attendeeId.equals(access.subject())) ? r : null);
    }

    public Uni<Slice<RegistrationEntity>> ofAttendee(String attendee, PageRequest page, boolean withTotal) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("attendee", attendee);
        Map<String, Object> pageParams = new LinkedHashMap<>(params);
        String keyset = "";
        if (page.hasAfter()) {
            keyset = " and (r.registered_at < :afterTime or (r.registered_at = :afterTime and r.id < :afterId))";
            pageParams.put("afterTime", page.afterTime(0));
            pageParams.put("afterId", page.afterId(1));
        }
        String sql = "select r.* from registration r where r.attendee_id = :attendee" + keyset
                + " order by r.registered_at desc, r.id desc limit " + page.fetchSize();
        return reads.page(sql, pageParams, RegistrationEntity.class, withTotal,
                "select count(*) from registration r where r.attendee_id = :attendee", params);
    }
}
