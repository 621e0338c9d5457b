package dev.chorus.events.registration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.chorus.common.db.Columns;
import dev.chorus.common.time.Times;
import dev.chorus.common.db.NestedPages;
import dev.chorus.common.db.Reads;
import dev.chorus.common.relay.Cursor;
import dev.chorus.common.relay.PageRequest;
import dev.chorus.common.relay.Slice;
import dev.chorus.common.security.Access;
import io.smallrye.mutiny.Uni;

/** Reads of registrations; batched reads cost the same whatever the number of events. */
@ApplicationScoped
public class RegistrationQueries {
    private final Reads reads;
    private final NestedPages nested;

    public RegistrationQueries(Reads reads, NestedPages nested) {
        this.reads = reads;
        this.nested = nested;
    }

    /** An event's seats now, with their version (see {@link SeatFeed}); null when there is no such event. */
    public Uni<EventSeats> seats(UUID eventId) {
        return reads.read(s -> s.createNativeQuery("select capacity, confirmed_count, waitlist_count, status, "
                + "seat_version, seats_changed_at from event where id = :id", Object[].class).setParameter("id", eventId)
                .getResultList()).map(rows -> rows.isEmpty() ? null : new EventSeats(
                        Seats.remaining(((Number) rows.get(0)[0]).intValue(), ((Number) rows.get(0)[1]).intValue()),
                        ((Number) rows.get(0)[2]).intValue(),
                        dev.chorus.events.event.EventStatus.valueOf((String) rows.get(0)[3]),
                        ((Number) rows.get(0)[4]).longValue(), Times.of(rows.get(0)[5]), eventId.toString()));
    }

    /** For each event, one page of its registrations in queue order. */
    public Uni<Map<UUID, Slice<RegistrationEntity>>> registrationsOf(List<UUID> eventIds, RegistrationStatus status,
            PageRequest<Cursor.Number> page, boolean withTotal) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ids", Reads.array(NestedPages.parents(eventIds)));
        String where = "where r.event_id = any(:ids)";
        if (status != null) {
            where += " and r.status = :status";
            params.put("status", status.name());
        }
        Map<String, Object> pageParams = new LinkedHashMap<>(params);
        String keyset = "";
        if (page.hasAfter()) {
            keyset = " and r.queue_number > :afterQueue";
            pageParams.put("afterQueue", page.after().value());
        }
        String sql = Columns.select(RegistrationEntity.class, "r")
                + " join (select r.id, row_number() over (partition by r.event_id order by r.queue_number)"
                + " as rn from registration r " + where + keyset + ") w on w.id = r.id "
                + "where w.rn <= " + page.fetchSize() + " order by r.event_id, w.rn";
        return nested.slices(NestedPages.parents(eventIds), nested.byRows(sql, pageParams, RegistrationEntity.class,
                r -> r.eventId), withTotal, "select r.event_id, count(*) from registration r " + where
                        + " group by r.event_id", params);
    }

    /** A registration, for its attendee and staff only; null for everybody else. */
    public Uni<RegistrationEntity> registration(Access access, UUID id) {
        return reads.read(s -> s.find(RegistrationEntity.class, id))
                .map(r -> r != null && (access.staff() || r.attendeeId.equals(access.subject())) ? r : null);
    }

    public Uni<Slice<RegistrationEntity>> ofAttendee(String attendee, PageRequest<Cursor.TimeAndId> page,
            boolean withTotal) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("attendee", attendee);
        Map<String, Object> pageParams = new LinkedHashMap<>(params);
        String keyset = "";
        if (page.hasAfter()) {
            keyset = " and (r.registered_at < :afterTime or (r.registered_at = :afterTime and r.id < :afterId))";
            pageParams.put("afterTime", page.after().time());
            pageParams.put("afterId", page.after().id());
        }
        String sql = Columns.select(RegistrationEntity.class, "r") + " where r.attendee_id = :attendee" + keyset
                + " order by r.registered_at desc, r.id desc limit " + page.fetchSize();
        return reads.page(sql, pageParams, RegistrationEntity.class, withTotal,
                "select count(*) from registration r where r.attendee_id = :attendee", params);
    }
}
