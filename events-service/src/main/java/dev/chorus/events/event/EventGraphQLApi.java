package dev.chorus.events.event;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.chorus.common.graphql.Batches;
import dev.chorus.common.graphql.Selections;
import dev.chorus.common.input.Inputs;
import dev.chorus.common.relay.Connection;
import dev.chorus.common.relay.Cursors;
import dev.chorus.common.relay.PageRequest;
import dev.chorus.common.relay.Slice;
import dev.chorus.common.security.Access;
import dev.chorus.common.security.Caller;
import dev.chorus.events.federation.Creator;
import dev.chorus.events.federation.Work;
import dev.chorus.events.lineup.LineupService;
import dev.chorus.events.lineup.LineupSlot;
import dev.chorus.events.lineup.SetLineupInput;
import dev.chorus.events.lineup.SetSetlistInput;
import dev.chorus.events.lineup.SetlistEntry;
import dev.chorus.events.registration.Registration;
import dev.chorus.events.registration.RegistrationEntity;
import dev.chorus.events.registration.RegistrationStatus;
import dev.chorus.events.venue.Venue;
import dev.chorus.events.venue.VenueQueries;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.graphql.api.federation.link.Import;
import io.smallrye.graphql.api.federation.link.Link;
import io.smallrye.mutiny.Uni;

/** Events in the graph, with their line-ups and setlists, and what they add to creators and works. */
@GraphQLApi
@Link(url = "https://specs.apollo.dev/federation/v2.7", _import = {
        @Import(name = "@key"), @Import(name = "@shareable"), @Import(name = "@external"),
        @Import(name = "@requires"), @Import(name = "@provides"), @Import(name = "@inaccessible"),
        @Import(name = "@tag") })
public class EventGraphQLApi {
    private final EventService service;
    private final LineupService lineups;
    private final EventQueries queries;
    private final VenueQueries venues;
    private final Context context;
    private final Caller caller;

    public EventGraphQLApi(EventService service, LineupService lineups, EventQueries queries, VenueQueries venues,
            Context context, Caller caller) {
        this.caller = caller;
        this.service = service;
        this.lineups = lineups;
        this.queries = queries;
        this.venues = venues;
        this.context = context;
    }

    private static Connection<Event> connection(Slice<EventEntity> slice, PageRequest page) {
        return Connection.of(slice.rows().stream().map(Event::from).toList(), page,
                e -> Cursors.encode(e.startsAt().withOffsetSameInstant(ZoneOffset.UTC).toString(), e.id()), slice.totalCount());
    }

    // --- queries

    @Query
    @Description("An event by id, or null (also when it is a DRAFT and the caller is not staff).")
    public Uni<Event> event(@Id @NonNull String id) {
        Access access = caller.access();
        return Uni.createFrom().deferred(() -> queries.byId(access, Inputs.id("id", id)))
                .map(e -> e == null ? null : Event.from(e));
    }

    @Query
    @Description("Events the caller may see (published ones; staff: all), by start time, soonest first. `first` is "
            + "0..100 (default 20).")
    public Uni<Connection<@NonNull Event>> events(EventFilter filter, Integer first, String after) {
        Access access = caller.access();
        return Uni.createFrom().deferred(() -> {
            PageRequest page = PageRequest.of(first, after, 2);
            return queries.search(access, filter, page, Selections.wants(context, "totalCount")).map(s -> connection(s, page));
        });
    }

    @Resolver
    public Uni<List<Event>> eventEntities(@Name("id") List<String> ids) {
        return queries.byIds(caller.access(), ids.stream().map(Inputs::idOrNull).toList())
                .map(rows -> rows.stream().map(e -> e == null ? null : Event.from(e)).toList());
    }

    @Resolver
    public List<Creator> creatorEntities(@Name("ref") List<String> refs) {
        return refs.stream().map(Creator::new).toList();
    }

    @Resolver
    public List<Work> workEntities(@Name("ref") List<String> refs) {
        return refs.stream().map(Work::new).toList();
    }

    // --- batched fields of Event

    @NonNull
    public Uni<List<@NonNull Venue>> venue(@Source List<Event> events) {
        return venues.byIds(events.stream().map(e -> UUID.fromString(e.venueId())).toList())
                .map(rows -> rows.stream().map(Venue::from).toList());
    }

    @NonNull
    @Description("The line-up, in order.")
    public Uni<List<@NonNull List<@NonNull LineupSlot>>> lineup(@Source List<Event> events) {
        List<UUID> ids = ids(events);
        return queries.lineupsOf(ids).map(byEvent -> Batches.inOrder(ids, byEvent, LineupSlot::from));
    }

    @NonNull
    @Description("The works performed, in order.")
    public Uni<List<@NonNull List<@NonNull SetlistEntry>>> setlist(@Source List<Event> events) {
        List<UUID> ids = ids(events);
        return queries.setlistsOf(ids).map(byEvent -> Batches.inOrder(ids, byEvent, SetlistEntry::from));
    }

    @Description("Registrations in queue order (the order the event took them), optionally of one status. Only for "
            + "staff; null for others.")
    public Uni<List<Connection<@NonNull Registration>>> registrations(@Source List<Event> events,
            RegistrationStatus status, Integer first, String after) {
        if (!caller.access().staff()) {
            return Uni.createFrom().item(events.stream().<Connection<Registration>> map(e -> null).toList());
        }
        return Uni.createFrom().deferred(() -> {
            PageRequest page = PageRequest.of(first, after, 1);
            List<UUID> ids = ids(events);
            return queries.registrationsOf(ids, status, page, Selections.wants(context, "totalCount"))
                    .map(slices -> ids.stream().map(id -> {
                        Slice<RegistrationEntity> slice = slices.get(id);
                        return Connection.of(slice.rows().stream().map(Registration::from).toList(), page,
                                r -> Cursors.encode(Integer.toString(r.queueNumber())), slice.totalCount());
                    }).toList());
        });
    }

    // --- Creator and Work, extended

    @Description("Line-up slots of this creator by event start: `upcoming: true` only events not yet ended, "
            + "`false` only past ones (latest first).")
    public Uni<List<@NonNull Connection<@NonNull LineupSlot>>> performances(@Source List<Creator> creators,
            Boolean upcoming, Integer first, String after) {
        Access access = caller.access();
        return Uni.createFrom().deferred(() -> {
            PageRequest page = PageRequest.of(first, after, 1);
            List<UUID> ids = creators.stream().map(c -> Inputs.idOrNull(c.ref())).toList();
            return queries.performancesOf(access, ids, upcoming, page, Selections.wants(context, "totalCount"))
                    .map(slices -> ids.stream().map(id -> byPosition(slices.get(id), page, LineupSlot::from)).toList());
        });
    }

    @Description("Events whose setlist holds this work, by start time.")
    public Uni<List<@NonNull Connection<@NonNull Event>>> performedAt(@Source List<Work> works, Integer first,
            String after) {
        Access access = caller.access();
        return Uni.createFrom().deferred(() -> {
            PageRequest page = PageRequest.of(first, after, 1);
            List<UUID> ids = works.stream().map(w -> Inputs.idOrNull(w.ref())).toList();
            return queries.performedAt(access, ids, page, Selections.wants(context, "totalCount"))
                    .map(slices -> ids.stream().map(id -> byPosition(slices.get(id), page, Event::from)).toList());
        });
    }

    @Description("When the slot starts, if set, in the event's time zone.")
    public Uni<List<OffsetDateTime>> startsAt(@Source List<LineupSlot> slots) {
        return queries.byIds(slots.stream().map(s -> UUID.fromString(s.eventId())).distinct().toList())
                .map(events -> {
                    Map<String, ZoneId> zones = new HashMap<>();
                    events.forEach(e -> zones.put(e.id.toString(), ZoneId.of(e.timeZone)));
                    return slots.stream().map(s -> Event.local(s.startsAtUtc(), zones.get(s.eventId()))).toList();
                });
    }

    @NonNull
    @Description("The event of this slot.")
    public Uni<List<@NonNull Event>> event(@Source List<LineupSlot> slots) {
        return queries.byIds(slots.stream().map(s -> UUID.fromString(s.eventId())).toList())
                .map(rows -> rows.stream().map(Event::from).toList());
    }

    // --- mutations

    @Mutation
    @Description("Creates a DRAFT event at a venue.")
    public Uni<@NonNull Event> createEvent(@NonNull CreateEventInput input) {
        return service.create(caller.access(), input).map(Event::from);
    }

    @Mutation
    public Uni<@NonNull Event> updateEvent(@NonNull UpdateEventInput input) {
        return service.update(caller.access(), input).map(Event::from);
    }

    @Mutation
    @Description("Opens a DRAFT event to registration (within its window).")
    public Uni<@NonNull Event> publishEvent(@NonNull EventIdInput input) {
        return service.publish(caller.access(), input).map(Event::from);
    }

    @Mutation
    @Description("Cancels a DRAFT or PUBLISHED event and all its registrations.")
    public Uni<@NonNull Event> cancelEvent(@NonNull EventIdInput input) {
        return service.cancel(caller.access(), input).map(Event::from);
    }

    @Mutation
    public Uni<@NonNull Event> completeEvent(@NonNull EventIdInput input) {
        return service.complete(caller.access(), input).map(Event::from);
    }

    @Mutation("setLineup") // named explicitly: SmallRye would drop the "set" prefix
    @Description("Replaces the line-up of an event that is not CANCELLED.")
    public Uni<@NonNull Event> setLineup(@NonNull SetLineupInput input) {
        return lineups.setLineup(caller.access(), input).map(Event::from);
    }

    @Mutation("setSetlist")
    @Description("Replaces the setlist of an event that is not CANCELLED.")
    public Uni<@NonNull Event> setSetlist(@NonNull SetSetlistInput input) {
        return lineups.setSetlist(caller.access(), input).map(Event::from);
    }

    /** A page of a list paged by position; an unknown parent (null slice) has an empty one. */
    private static <E, T> Connection<T> byPosition(Slice<E> slice, PageRequest page,
            java.util.function.Function<E, T> map) {
        Slice<E> s = slice == null ? new Slice<>(List.of(), 0) : slice;
        return Connection.byPosition(s.rows().stream().map(map).toList(), page, page.offset(), s.totalCount());
    }

    private static List<UUID> ids(List<Event> events) {
        return events.stream().map(e -> UUID.fromString(e.id())).toList();
    }
}
