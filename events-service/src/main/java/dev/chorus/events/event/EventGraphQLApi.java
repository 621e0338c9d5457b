package dev.chorus.events.event;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.chorus.common.graphql.Selections;
import dev.chorus.common.input.Inputs;
import dev.chorus.common.relay.Connection;
import dev.chorus.common.relay.Cursor;
import dev.chorus.common.relay.PageRequest;
import dev.chorus.common.relay.Slice;
import dev.chorus.common.security.Access;
import dev.chorus.common.security.Caller;
import dev.chorus.events.venue.Venue;
import dev.chorus.events.venue.VenueQueries;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.graphql.api.federation.link.Import;
import io.smallrye.graphql.api.federation.link.Link;
import io.smallrye.mutiny.Uni;

/**
 * Events in the graph: thin mapping to {@link EventService} and {@link EventQueries}. Carries the subgraph's
 * Federation link; line-ups, registrations and seats add their fields in their own packages.
 */
@GraphQLApi
@Link(url = "https://specs.apollo.dev/federation/v2.7", _import = {
        @Import(name = "@key"), @Import(name = "@shareable"), @Import(name = "@external"),
        @Import(name = "@requires"), @Import(name = "@provides"), @Import(name = "@inaccessible"),
        @Import(name = "@tag") })
public class EventGraphQLApi {
    private final EventService service;
    private final EventQueries queries;
    private final VenueQueries venues;
    private final Context context;
    private final Caller caller;

    public EventGraphQLApi(EventService service, EventQueries queries, VenueQueries venues,
            Context context, Caller caller) {
        this.caller = caller;
        this.service = service;
        this.queries = queries;
        this.venues = venues;
        this.context = context;
    }

    private static Connection<Event> connection(Slice<EventEntity> slice, PageRequest<Cursor.TimeAndId> page) {
        return page.connection(slice, Event::from, e -> Cursor.TimeAndId.of(e.startsAt(), e.id()));
    }

    // --- queries

    @Query
    @Description("An event by id, or null (also when it is a DRAFT and the caller is not staff).")
    public Uni<Event> event(@Id @NonNull String id) {
        Access access = caller.access();
        return queries.byId(access, Inputs.id("id", id))
                .map(e -> e == null ? null : Event.from(e));
    }

    @Query
    @Description("Events the caller may see (published ones; staff: all), by start time, soonest first unless "
            + "`orderBy` is LATEST. `first` is 0..100 (default 20).")
    public Uni<Connection<@NonNull Event>> events(EventFilter filter, EventOrder orderBy, Integer first, String after) {
        Access access = caller.access();
        PageRequest<Cursor.TimeAndId> page = PageRequest.of(first, after, Cursor.TimeAndId::decode);
        return queries.search(access, filter, orderBy, page, Selections.wants(context, "totalCount"))
                .map(s -> connection(s, page));
    }

    @Resolver
    public Uni<List<Event>> eventEntities(@Name("id") List<String> ids) {
        return queries.byIds(caller.access(), ids.stream().map(Inputs::idOrNull).toList())
                .map(rows -> rows.stream().map(e -> e == null ? null : Event.from(e)).toList());
    }

    @Resolver
    public Uni<List<Event>> eventEntitiesByRef(@Name("ref") List<String> refs) {
        return eventEntities(refs);
    }

    // --- batched fields of Event

    @NonNull
    public Uni<List<@NonNull Venue>> venue(@Source List<Event> events) {
        return venues.byIds(events.stream().map(e -> UUID.fromString(e.venueId())).toList())
                .map(rows -> rows.stream().map(Venue::from).toList());
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

    /** The ids of these events, in order. */
    public static List<UUID> ids(List<Event> events) {
        return events.stream().map(e -> UUID.fromString(e.id())).toList();
    }
}
