package dev.chorus.content.invitation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.chorus.common.db.Columns;
import dev.chorus.common.db.Reads;
import dev.chorus.common.input.Inputs;
import dev.chorus.common.relay.Cursor;
import dev.chorus.common.relay.PageRequest;
import dev.chorus.common.relay.Slice;
import dev.chorus.common.security.Access;
import dev.chorus.common.time.Times;
import io.smallrye.mutiny.Uni;

/** Reads of remix invitations, each in a session of its own. */
@ApplicationScoped
public class RemixInvitationQueries {
    private final Reads reads;

    public RemixInvitationQueries(Reads reads) {
        this.reads = reads;
    }

    /** Invitations are private: the invited creator and staff see them; nobody else, not even that they exist. */
    static boolean visible(Access access, RemixInvitationEntity invitation) {
        return invitation != null && access.staffOr(invitation.creatorId);
    }

    public Uni<RemixInvitationEntity> byId(Access access, UUID id) {
        return reads.read(s -> s.find(RemixInvitationEntity.class, id)).map(i -> visible(access, i) ? i : null);
    }

    /** One page of the invitations the caller may see, newest first; an overdue INVITED one is filtered as EXPIRED. */
    public Uni<Slice<RemixInvitationEntity>> search(Access access, RemixInvitationFilter filter,
            PageRequest<Cursor.TimeAndId> page,
            boolean withTotal) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder("where true");
        if (!access.staff()) {
            // nobody but staff and the invitee; an anonymous caller or a plain user sees none
            where.append(" and i.creator_id = :viewer");
            params.put("viewer", access.creatorId() == null ? new UUID(0, 0) : access.creatorId());
        }
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
            pageParams.put("afterTime", page.after().time());
            pageParams.put("afterId", page.after().id());
        }
        String sql = Columns.select(RemixInvitationEntity.class, "i") + " " + where + keyset
                + " order by i.created_at desc, i.id desc limit " + page.fetchSize();
        return reads.page(sql, pageParams, RemixInvitationEntity.class, withTotal,
                "select count(*) from remix_invitation i " + where, params);
    }
}
