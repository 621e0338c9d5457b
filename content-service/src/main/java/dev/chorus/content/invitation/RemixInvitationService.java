package dev.chorus.content.invitation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.chorus.common.db.Idempotency;
import dev.chorus.common.db.UniqueViolations;
import dev.chorus.common.error.BadUserInputException;
import dev.chorus.common.error.ConflictException;
import dev.chorus.common.error.NotFoundException;
import dev.chorus.common.input.Inputs;
import dev.chorus.common.security.Access;
import dev.chorus.common.time.Times;
import dev.chorus.content.work.WorkEntity;
import dev.chorus.content.work.WorkKind;
import dev.chorus.content.work.WorkStatus;
import dev.chorus.content.work.WorkVisibility;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The remix invitation state machine. Allowed: INVITED to ACCEPTED, DECLINED or EXPIRED; ACCEPTED to DELIVERED.
 * Anything else is a CONFLICT. Past its deadline an INVITED invitation counts as EXPIRED.
 */
@ApplicationScoped
public class RemixInvitationService {

    @WithTransaction
    public Uni<RemixInvitationEntity> invite(Access access, InviteRemixInput input) {
        access.requireStaff();
        Idempotency.Key key = Idempotency.key("idempotencyKey", input.idempotencyKey());
        UUID workId = Inputs.id("workId", input.workId());
        UUID creatorId = Inputs.id("creatorId", input.creatorId());
        String message = InvitationRules.message(input.message());
        OffsetDateTime now = Times.now();
        OffsetDateTime respondBy = InvitationRules.respondBy(input.respondBy(), now);
        return Idempotency.once("inviteRemix", access, key, input,
                () -> WorkEntity.<WorkEntity> findById(workId).chain(work -> {
            if (work == null) {
                throw new NotFoundException("workId", "no work with id " + workId);
            }
            if (work.status != WorkStatus.PUBLISHED || work.kind == WorkKind.MUSIC_VIDEO) {
                throw new ConflictException("workId", "only a PUBLISHED audio work can be remixed; this one is a "
                        + work.status + " " + work.kind);
            }
            RemixInvitationEntity invitation = new RemixInvitationEntity();
            invitation.id = UUID.randomUUID();
            invitation.workId = workId;
            invitation.creatorId = creatorId;
            invitation.status = RemixInvitationStatus.INVITED;
            invitation.message = message;
            invitation.respondBy = respondBy.withOffsetSameInstant(java.time.ZoneOffset.UTC)
                    .truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            invitation.createdAt = now;
            invitation.updatedAt = now;
            return expireOverdue(workId, creatorId, now)
                    .chain(() -> invitation.persistAndFlush()).replaceWith(invitation);
        }), i -> i.id.toString(),
                id -> RemixInvitationEntity.<RemixInvitationEntity> findById(UUID.fromString(id))).onFailure().transform(UniqueViolations.mapping(Map.of("remix_invitation_open_key",
                () -> new ConflictException("creatorId", "this creator already has an open invitation for this work"))));
    }

    @WithTransaction
    public Uni<RemixInvitationEntity> accept(Access access, RemixInvitationIdInput input) {
        return transition(access, input.id(), RemixInvitationStatus.INVITED, RemixInvitationStatus.ACCEPTED);
    }

    @WithTransaction
    public Uni<RemixInvitationEntity> decline(Access access, RemixInvitationIdInput input) {
        return transition(access, input.id(), RemixInvitationStatus.INVITED, RemixInvitationStatus.DECLINED);
    }

    @WithTransaction
    public Uni<RemixInvitationEntity> expire(Access access, RemixInvitationIdInput input) {
        access.requireStaff();
        UUID id = Inputs.id("id", input.id());
        return locked(id).map(invitation -> {
            if (invitation.status != RemixInvitationStatus.INVITED) {
                throw refused(invitation.status, RemixInvitationStatus.EXPIRED);
            }
            invitation.status = RemixInvitationStatus.EXPIRED;
            invitation.updatedAt = Times.now();
            return invitation;
        });
    }

    /** ACCEPTED to DELIVERED: the remix must be a REMIX derived from the invited work and credit the invitee. */
    @WithTransaction
    public Uni<RemixInvitationEntity> deliver(Access access, DeliverRemixInput input) {
        access.requireStaffOrCreator();
        UUID id = Inputs.id("id", input.id());
        UUID remixId = Inputs.id("remixWorkId", input.remixWorkId());
        return answerable(access, id).chain(invitation -> {
            OffsetDateTime now = Times.now();
            if (invitation.effectiveStatus(now) != RemixInvitationStatus.ACCEPTED) {
                throw refused(invitation.effectiveStatus(now), RemixInvitationStatus.DELIVERED);
            }
            return WorkEntity.<WorkEntity> findById(remixId).chain(remix -> {
                if (remix == null) {
                    throw new NotFoundException("remixWorkId", "no work with id " + remixId);
                }
                if (remix.kind != WorkKind.REMIX || !invitation.workId.equals(remix.derivedFromId)) {
                    throw new BadUserInputException("remixWorkId",
                            "the delivered work must be a REMIX derived from the invited work");
                }
                return WorkVisibility.IN_TRANSACTION.creditedAmong(invitation.creatorId, List.of(remixId))
                        .map(credited -> {
                            if (credited.isEmpty()) {
                                throw new BadUserInputException("remixWorkId",
                                        "the delivered remix must credit the invited creator");
                            }
                            invitation.status = RemixInvitationStatus.DELIVERED;
                            invitation.deliveredWorkId = remixId;
                            invitation.updatedAt = now;
                            return invitation;
                        });
            });
        });
    }

    private Uni<RemixInvitationEntity> transition(Access access, String rawId, RemixInvitationStatus from,
            RemixInvitationStatus to) {
        access.requireStaffOrCreator();
        UUID id = Inputs.id("id", rawId);
        return answerable(access, id).map(invitation -> {
            OffsetDateTime now = Times.now();
            RemixInvitationStatus current = invitation.effectiveStatus(now);
            if (current != from) {
                throw refused(current, to);
            }
            invitation.status = to;
            invitation.updatedAt = now;
            return invitation;
        });
    }

    /** Records as EXPIRED the overdue invitation of this pair, so that it no longer blocks a new one. */
    private static Uni<Integer> expireOverdue(UUID workId, UUID creatorId, OffsetDateTime now) {
        return RemixInvitationEntity.update("status = ?1, updatedAt = ?2 where workId = ?3 and creatorId = ?4 "
                + "and status = ?5 and respondBy < ?2", RemixInvitationStatus.EXPIRED, now, workId, creatorId,
                RemixInvitationStatus.INVITED);
    }

    private static ConflictException refused(RemixInvitationStatus current, RemixInvitationStatus to) {
        return new ConflictException("id", "an invitation that is " + current + " cannot become " + to);
    }

    /**
     * The invitation, locked, when the caller may answer it: the invited creator, or staff on their behalf.
     * Anyone else's invitation is NOT_FOUND (see {@link RemixInvitationQueries#visible}).
     */
    private static Uni<RemixInvitationEntity> answerable(Access access, UUID id) {
        return locked(id).map(invitation -> {
            if (!access.staffOr(invitation.creatorId)) {
                throw new NotFoundException("id", "no remix invitation with id " + id);
            }
            return invitation;
        });
    }

    private static Uni<RemixInvitationEntity> locked(UUID id) {
        return RemixInvitationEntity.<RemixInvitationEntity> findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> new NotFoundException("id", "no remix invitation with id " + id));
    }
}
