package dev.chorus.events.lineup;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import dev.chorus.common.graphql.Batches;
import dev.chorus.common.graphql.Selections;
import dev.chorus.common.input.Inputs;
import dev.chorus.common.relay.Connection;
import dev.chorus.common.relay.Cursor;
import dev.chorus.common.relay.PageRequest;
import dev.chorus.common.relay.Slice;
import dev.chorus.common.security.Access;
import dev.chorus.common.security.Caller;
import dev.chorus.events.event.Event;
import dev.chorus.events.event.EventGraphQLApi;
import dev.chorus.events.event.EventQueries;
import dev.chorus.events.federation.Creator;
import dev.chorus.events.federation.Work;
import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;

/** Line-ups and setlists in the graph, and what they add to events, creators and works. */
@GraphQLApi
public class LineupGraphQLApi {
    private final LineupService service;
    private final LineupQueries lineups;
    private final EventQueries events;
    private final Context context;
    private final Caller caller;

    public LineupGraphQLApi(LineupService service, LineupQueries lineups, EventQueries events, Context context,
            Caller caller) {
        this.service = service;
        this.lineups = lineups;
        this.events = events;
        this.context = context;
        this.caller = caller;
    }

    @NonNull
    @Description("The line-up, in order.")
    public Uni<List<@NonNull List<@NonNull LineupSlot>>> lineup(@Source List<Event> events) {
        List<UUID> ids = EventGraphQLApi.ids(events);
        return lineups.lineupsOf(ids).map(byEvent -> Batches.inOrder(ids, byEvent, LineupSlot::from));
    }

    @NonNull
    @Description("The works performed, in order.")
    public Uni<List<@NonNull List<@NonNull SetlistEntry>>> setlist(@Source List<Event> events) {
        List<UUID> ids = EventGraphQLApi.ids(events);
        return lineups.setlistsOf(ids).map(byEvent -> Batches.inOrder(ids, byEvent, SetlistEntry::from));
    }

    // --- Creator and Work, extended

    @Description("Line-up slots of this creator by event start: `upcoming: true` only events not yet ended, "
            + "`false` only past ones (latest first).")
    public Uni<List<@NonNull Connection<@NonNull LineupSlot>>> performances(@Source List<Creator> creators,
            Boolean upcoming, Integer first, String after) {
        Access access = caller.access();
        PageRequest<Cursor.Number> page = PageRequest.of(first, after, Cursor.Number::decode);
        List<UUID> ids = creators.stream().map(c -> Inputs.idOrNull(c.ref())).toList();
        return lineups.performancesOf(access, ids, upcoming, page, Selections.wants(context, "totalCount"))
                .map(slices -> ids.stream().map(id -> byPosition(slices.get(id), page, LineupSlot::from)).toList());
    }

    @Description("Events whose setlist holds this work, by start time.")
    public Uni<List<@NonNull Connection<@NonNull Event>>> performedAt(@Source List<Work> works, Integer first,
            String after) {
        Access access = caller.access();
        PageRequest<Cursor.Number> page = PageRequest.of(first, after, Cursor.Number::decode);
        List<UUID> ids = works.stream().map(w -> Inputs.idOrNull(w.ref())).toList();
        return lineups.performedAt(access, ids, page, Selections.wants(context, "totalCount"))
                .map(slices -> ids.stream().map(id -> byPosition(slices.get(id), page, Event::from)).toList());
    }

    @Description("When the slot starts, if set, in the event's time zone.")
    public Uni<List<OffsetDateTime>> startsAt(@Source List<LineupSlot> slots) {
        return events.byIds(slots.stream().map(s -> UUID.fromString(s.eventId())).distinct().toList())
                .map(events -> {
                    Map<String, ZoneId> zones = new HashMap<>();
                    events.forEach(e -> zones.put(e.id.toString(), ZoneId.of(e.timeZone)));
                    return slots.stream().map(s -> Event.local(s.startsAtUtc(), zones.get(s.eventId()))).toList();
                });
    }

    @NonNull
    @Description("The event of this slot.")
    public Uni<List<@NonNull Event>> event(@Source List<LineupSlot> slots) {
        return events.byIds(slots.stream().map(s -> UUID.fromString(s.eventId())).toList())
                .map(rows -> rows.stream().map(Event::from).toList());
    }

    @Mutation("setLineup") // named explicitly: SmallRye would drop the "set" prefix
    @Description("Replaces the line-up of an event that is not CANCELLED.")
    public Uni<@NonNull Event> setLineup(@NonNull SetLineupInput input) {
        return service.setLineup(caller.access(), input).map(Event::from);
    }

    @Mutation("setSetlist")
    @Description("Replaces the setlist of an event that is not CANCELLED.")
    public Uni<@NonNull Event> setSetlist(@NonNull SetSetlistInput input) {
        return service.setSetlist(caller.access(), input).map(Event::from);
    }

    /** A page of a list paged by position; an unknown parent (null slice) has an empty one. */
    private static <E, T> Connection<T> byPosition(Slice<E> slice, PageRequest<Cursor.Number> page,
            java.util.function.Function<E, T> map) {
        Slice<E> s = slice == null ? new Slice<>(List.of(), 0) : slice;
        return Connection.byPosition(s.rows().stream().map(map).toList(), page, s.totalCount());
    }
}
