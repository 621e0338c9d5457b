package dev.chorus.content.invitation;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.chorus.common.graphql.Selections;
import dev.chorus.common.input.Inputs;
import dev.chorus.common.relay.Connection;
import dev.chorus.common.relay.Cursor;
import dev.chorus.common.relay.PageRequest;
import dev.chorus.common.security.Access;
import dev.chorus.common.security.Caller;
import dev.chorus.content.work.Work;
import dev.chorus.content.work.WorkQueries;
import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;

/** Remix invitations in the graph: thin mapping to the service and the queries. */
@GraphQLApi
public class RemixInvitationGraphQLApi {
    private final RemixInvitationService service;
    private final WorkQueries works;
    private final RemixInvitationQueries queries;
    private final Context context;
    private final Caller caller;

    public RemixInvitationGraphQLApi(RemixInvitationService service, RemixInvitationQueries queries, WorkQueries works,
            Context context, Caller caller) {
        this.caller = caller;
        this.service = service;
        this.queries = queries;
        this.works = works;
        this.context = context;
    }

    @Query
    @Description("A remix invitation by id, or null. Only the invited creator and staff see an invitation.")
    public Uni<RemixInvitation> remixInvitation(@Id @NonNull String id) {
        Access access = caller.access();
        return queries.byId(access, Inputs.id("id", id)).map(e -> e == null ? null : RemixInvitation.from(e));
    }

    @Query
    @Description("Remix invitations, newest first, by work, invited creator and status: all of them for staff, a "
            + "creator's own for a creator, none for others.")
    public Uni<Connection<@NonNull RemixInvitation>> remixInvitations(RemixInvitationFilter filter,
            Integer first, String after) {
        Access access = caller.access();
        PageRequest<Cursor.TimeAndId> page = PageRequest.of(first, after, Cursor.TimeAndId::decode);
        return queries.search(access, filter, page, Selections.wants(context, "totalCount"))
                .map(slice -> page.connection(slice, RemixInvitation::from,
                        i -> Cursor.TimeAndId.of(i.createdAt(), i.id())));
    }

    @Description("The work to remix; null when the caller may not see it (withdrawn since the invitation).")
    public Uni<List<Work>> work(@Source List<RemixInvitation> invitations) {
        return works.byIds(caller.access(), invitations.stream().map(i -> UUID.fromString(i.workId())).toList())
                .map(rows -> rows.stream().map(w -> w == null ? null : Work.from(w)).toList());
    }

    @Description("The delivered remix, once DELIVERED; null when the caller may not see it.")
    public Uni<List<Work>> deliveredWork(@Source List<RemixInvitation> invitations) {
        return works.byIds(caller.access(),
                invitations.stream().map(i -> Inputs.idOrNull(i.deliveredWorkId())).toList())
                .map(rows -> rows.stream().map(w -> w == null ? null : Work.from(w)).toList());
    }

    @Mutation
    @Description("Invites a creator to remix a PUBLISHED work. CONFLICT when an invitation for the pair is open.")
    public Uni<@NonNull RemixInvitation> inviteRemix(@NonNull InviteRemixInput input) {
        return service.invite(caller.access(), input).map(RemixInvitation::from);
    }

    @Mutation
    public Uni<@NonNull RemixInvitation> acceptRemixInvitation(@NonNull RemixInvitationIdInput input) {
        return service.accept(caller.access(), input).map(RemixInvitation::from);
    }

    @Mutation
    public Uni<@NonNull RemixInvitation> declineRemixInvitation(@NonNull RemixInvitationIdInput input) {
        return service.decline(caller.access(), input).map(RemixInvitation::from);
    }

    @Mutation
    public Uni<@NonNull RemixInvitation> expireRemixInvitation(@NonNull RemixInvitationIdInput input) {
        return service.expire(caller.access(), input).map(RemixInvitation::from);
    }

    @Mutation
    @Description("Delivers the remix of an ACCEPTED invitation.")
    public Uni<@NonNull RemixInvitation> deliverRemix(@NonNull DeliverRemixInput input) {
        return service.deliver(caller.access(), input).map(RemixInvitation::from);
    }
}
