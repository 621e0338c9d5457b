package dev.chorus.content.invitation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.chorus.common.db.Reads;
import dev.chorus.common.input.Inputs;
import dev.chorus.common.relay.PageRequest;
import dev.chorus.common.relay.Slice;
import dev.chorus.common.time.Times;
import io.smallrye.mutiny.Uni;

/** Reads of remix invitations, each in a session of its own. */
@ApplicationScoped
public class RemixInvitationQueries {
    private final Reads reads;

    public RemixInvitationQueries(Reads reads) {
        this.reads = reads;
    }

    public Uni<RemixInvitationEntity> byId(UUID id) {
        return reads.read(s -> s.find(RemixInvitationEntity.class, id));
    }

    /** One page, newest first; an INVITED invitation past its deadline is filtered as EXPIRED. */
    public Uni<Slice<RemixInvitationEntity>> search(RemixInvitationFilter filter, PageRequest page, boolean withTotal) {
        return Uni.createFrom().deferred(() -> {
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
            return reads.page(sql, pageParams, RemixInvitationEntity.class, withTotal,
                    "select count(*) from remix_invitation i " + where, params);
        });
    }
}
