package dev.chorus.content.invitation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.chorus.common.db.NestedPages;
import dev.chorus.common.db.Reads;
import dev.chorus.common.graphql.Selections;
import dev.chorus.common.input.Inputs;
import dev.chorus.common.relay.Connection;
import dev.chorus.common.relay.Cursors;
import dev.chorus.common.relay.PageRequest;
import dev.chorus.common.time.Times;
import dev.chorus.content.work.Work;
import dev.chorus.content.work.WorkQueries;
import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;

/** Remix invitations in the graph; reads are simple enough to live here, changes are in the service. */
@GraphQLApi
public class RemixInvitationGraphQLApi {
    private final RemixInvitationService service;
    private final WorkQueries works;
    private final Reads reads;
    private final Context context;

    public RemixInvitationGraphQLApi(RemixInvitationService service, WorkQueries works, Reads reads, Context context) {
        this.service = service;
        this.works = works;
        this.reads = reads;
        this.context = context;
    }

    @Query
    public Uni<RemixInvitation> remixInvitation(@Id @NonNull String id) {
        return Uni.createFrom().deferred(() -> {
            UUID key = Inputs.id("id", id);
            return reads.read(s -> s.find(RemixInvitationEntity.class, key));
        }).map(e -> e == null ? null : RemixInvitation.from(e));
    }

    @Query
    @Description("Remix invitations, newest first, by work, invited creator and status.")
    public Uni<@NonNull Connection<@NonNull RemixInvitation>> remixInvitations(RemixInvitationFilter filter,
            Integer first, String after) {
        return Uni.createFrom().deferred(() -> {
            PageRequest page = PageRequest.of(first, after, 2);
            Map<String, Object> params = new LinkedHashMap<>();
            StringBuilder where = new StringBuilder("where true");
            if (filter != null && filter.workId() != null) {
                where.append(" and i.work_id = :work");
                params.put("work", Inputs.id("filter.workId", filter.workId()));
            }
            if (filter != null && filter.creatorId() != null) {
                where.append(" and i.creator_id = :creator");
                params.put("creator", Inputs.id("filter.creatorId", filter.creatorId()));
            }
            if (filter != null && filter.status() != null) {
                // INVITED past its deadline counts as EXPIRED
                switch (filter.status()) {
                    case INVITED -> where.append(" and i.status = 'INVITED' and i.respond_by >= :now");
                    case EXPIRED -> where.append(" and (i.status = 'EXPIRED' or (i.status = 'INVITED' and i.respond_by < :now))");
                    default -> where.append(" and i.status = '").append(filter.status().name()).append("'");
                }
                if (filter.status() == RemixInvitationStatus.INVITED || filter.status() == RemixInvitationStatus.EXPIRED) {
                    params.put("now", Times.now());
                }
            }
            Map<String, Object> pageParams = new LinkedHashMap<>(params);
            String keyset = "";
            if (page.hasAfter()) {
                keyset = " and (i.created_at < :afterTime or (i.created_at = :afterTime and i.id < :afterId))";
                pageParams.put("afterTime", page.afterTime(0));
                pageParams.put("afterId", page.afterId(1));
            }
            String sql = "select i.* from remix_invitation i " + where + keyset
                    + " order by i.created_at desc, i.id desc limit " + page.fetchSize();
            Uni<List<RemixInvitationEntity>> rows = reads.read(s -> NestedPages.bind(
                    s.createNativeQuery(sql, RemixInvitationEntity.class), pageParams).getResultList());
            Uni<Long> total = !Selections.wants(context, "totalCount") ? Uni.createFrom().nullItem()
                    : reads.read(s -> NestedPages.bind(s.createNativeQuery("select count(*) from remix_invitation i " + where,
                            Long.class), params).getSingleResult());
            return Uni.combine().all().unis(rows, total).with((list, count) -> Connection.of(
                    list.stream().map(RemixInvitation::from).toList(), page,
                    i -> Cursors.encode(i.createdAt().toString(), i.id()), count == null ? null : Math.toIntExact(count)));
        });
    }

    @NonNull
    @Description("The work to remix.")
    public Uni<List<@NonNull Work>> work(@Source List<RemixInvitation> invitations) {
        return works.byIds(invitations.stream().map(i -> UUID.fromString(i.workId())).toList())
                .map(rows -> rows.stream().map(Work::from).toList());
    }

    @Description("The delivered remix, once DELIVERED.")
    public Uni<List<Work>> deliveredWork(@Source List<RemixInvitation> invitations) {
        return works.byIds(invitations.stream().map(i -> Inputs.idOrNull(i.deliveredWorkId())).toList())
                .map(rows -> rows.stream().map(w -> w == null ? null : Work.from(w)).toList());
    }

    @Mutation
    @Description("Invites a creator to remix a PUBLISHED work. CONFLICT when an invitation for the pair is open.")
    public Uni<@NonNull RemixInvitation> inviteRemix(@NonNull InviteRemixInput input) {
        return service.invite(input).map(RemixInvitation::from);
    }

    @Mutation
    public Uni<@NonNull RemixInvitation> acceptRemixInvitation(@NonNull RemixInvitationIdInput input) {
        return service.accept(input).map(RemixInvitation::from);
    }

    @Mutation
    public Uni<@NonNull RemixInvitation> declineRemixInvitation(@NonNull RemixInvitationIdInput input) {
        return service.decline(input).map(RemixInvitation::from);
    }

    @Mutation
    public Uni<@NonNull RemixInvitation> expireRemixInvitation(@NonNull RemixInvitationIdInput input) {
        return service.expire(input).map(RemixInvitation::from);
    }

    @Mutation
    @Description("Delivers the remix of an ACCEPTED invitation.")
    public Uni<@NonNull RemixInvitation> deliverRemix(@NonNull DeliverRemixInput input) {
        return service.deliver(input).map(RemixInvitation::from);
    }
}
