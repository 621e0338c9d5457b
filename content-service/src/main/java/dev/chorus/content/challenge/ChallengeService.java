package dev.chorus.content.challenge;

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
import dev.chorus.common.error.ForbiddenException;
import dev.chorus.common.error.NotFoundException;
import dev.chorus.common.input.Inputs;
import dev.chorus.common.security.Access;
import dev.chorus.common.time.Times;
import dev.chorus.content.work.WorkEntity;
import dev.chorus.content.work.WorkKind;
import dev.chorus.content.work.WorkStatus;
import dev.chorus.content.work.WorkVisibility;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Running challenges. Staff create a DRAFT, may change everything while it is one, announce it (the schedule and
 * the terms are then fixed: a change is a CONFLICT) or cancel it. Creators enter their works while submissions are
 * OPEN and may withdraw them then; staff may disqualify an entry with a reason. Signed-in users vote while VOTING,
 * one vote per challenge that a new vote moves. Every deadline is the server's clock at the change.
 */
@ApplicationScoped
public class ChallengeService {

    @WithTransaction
    public Uni<ChallengeEntity> create(Access access, CreateChallengeInput input) {
        access.requireStaff();
        Idempotency.Key key = Idempotency.key("idempotencyKey", input.idempotencyKey());
        OffsetDateTime now = Times.now();
        ChallengeEntity c = new ChallengeEntity();
        c.id = UUID.randomUUID();
        c.title = ChallengeRules.title("title", input.title());
        c.description = ChallengeRules.description("description", input.description());
        c.entryKind = input.entryKind();
        c.host = input.host();
        c.topicTag = ChallengeRules.topicTag("topicTag", input.topicTag());
        c.sourceWorkId = input.sourceWorkId() == null ? null : Inputs.id("sourceWorkId", input.sourceWorkId());
        ChallengeRules.sourceFits(c.entryKind, c.sourceWorkId);
        c.timeZone = ChallengeRules.timeZone("timeZone", input.timeZone());
        schedule(c, ChallengeRules.schedule("schedule", input.schedule(), now));
        terms(c, ChallengeRules.terms("terms", input.terms()));
        c.state = ChallengeState.DRAFT;
        c.createdAt = now;
        c.updatedAt = now;
        return Idempotency.once("createChallenge", access, key, input,
                () -> sourceWork(c.sourceWorkId).chain(() -> c.persistAndFlush()).replaceWith(c),
                x -> x.id.toString(), id -> ChallengeEntity.<ChallengeEntity> findById(UUID.fromString(id)));
    }

    @WithTransaction
    public Uni<ChallengeEntity> update(Access access, UpdateChallengeInput input) {
        access.requireStaff();
        UUID id = Inputs.id("id", input.id());
        OffsetDateTime now = Times.now();
        String title = input.title() == null ? null : ChallengeRules.title("title", input.title());
        String description = ChallengeRules.description("description", input.description());
        String topicTag = ChallengeRules.topicTag("topicTag", input.topicTag());
        String zone = input.timeZone() == null ? null : ChallengeRules.timeZone("timeZone", input.timeZone());
        ChallengeRules.Terms terms = input.terms() == null ? null : ChallengeRules.terms("terms", input.terms());
        return ChallengeEntity.locked(id, "id").map(c -> {
            if (c.state == ChallengeState.CANCELLED || c.state == ChallengeState.PUBLISHED) {
                throw new ConflictException("id", "a challenge in phase " + c.phase(now) + " cannot change");
            }
            boolean draft = c.state == ChallengeState.DRAFT;
            if (zone != null && !zone.equals(c.timeZone)) {
                requireDraft(draft, "timeZone");
                c.timeZone = zone;
            }
            if (input.schedule() != null) {
                if (!draft) {
                    // fixed once announced: the same schedule again is no change, any other is refused
                    if (!sameSchedule(c, input.schedule())) {
                        requireDraft(false, "schedule");
                    }
                } else {
                    schedule(c, ChallengeRules.schedule("schedule", input.schedule(), now));
                }
            }
            if (terms != null && !terms.equals(terms(c))) {
                requireDraft(draft, "terms");
                terms(c, terms);
            }
            if (title != null) {
                c.title = title;
            }
            if (input.description() != null) {
                c.description = description;
            }
            if (input.topicTag() != null) {
                c.topicTag = topicTag;
            }
            c.updatedAt = now;
            return c;
        });
    }

    /** DRAFT to ANNOUNCED: from then on its rules are fixed; its window must still lie ahead. */
    @WithTransaction
    public Uni<ChallengeEntity> announce(Access access, ChallengeIdInput input) {
        access.requireStaff();
        UUID id = Inputs.id("id", input.id());
        OffsetDateTime now = Times.now();
        return ChallengeEntity.locked(id, "id").map(c -> {
            if (c.state != ChallengeState.DRAFT) {
                throw new ConflictException("id", "only a DRAFT challenge can be announced; this one is " + c.phase(now));
            }
            if (!c.submissionsCloseAt.isAfter(now)) {
                throw new ConflictException("id", "its submission window is already over: change the schedule first");
            }
            c.state = ChallengeState.ANNOUNCED;
            c.announcedAt = now;
            c.updatedAt = now;
            return c;
        });
    }

    @WithTransaction
    public Uni<ChallengeEntity> cancel(Access access, CancelChallengeInput input) {
        access.requireStaff();
        UUID id = Inputs.id("id", input.id());
        String reason = ChallengeRules.reason(input.reason());
        OffsetDateTime now = Times.now();
        return ChallengeEntity.locked(id, "id").map(c -> {
            if (c.state == ChallengeState.CANCELLED || c.state == ChallengeState.PUBLISHED) {
                throw new ConflictException("id", "a challenge in phase " + c.phase(now) + " cannot be cancelled");
            }
            c.state = ChallengeState.CANCELLED;
            c.cancelReason = reason;
            c.updatedAt = now;
            return c;
        });
    }

    /**
     * Enters a work: the challenge OPEN; the work PUBLISHED, of the required kind, derived from the source work
     * where there is one, crediting the entrant and within the duration bounds (each BAD_USER_INPUT naming
     * {@code workId}); the entrant under their limit of entries; the work not entered already (CONFLICT).
     * The challenge row is locked, so that one creator's concurrent submissions cannot pass the limit together.
     */
    @WithTransaction
    public Uni<ChallengeEntryEntity> submit(Access access, SubmitChallengeEntryInput input) {
        access.requireStaffOrCreator();
        Idempotency.Key key = Idempotency.key("idempotencyKey", input.idempotencyKey());
        UUID challengeId = Inputs.id("challengeId", input.challengeId());
        UUID workId = Inputs.id("workId", input.workId());
        UUID entrant = entrant(access, input.creatorId());
        return Idempotency.once("submitChallengeEntry", access, key, input, () -> lockedVisible(access, challengeId)
                .chain(c -> {
                    OffsetDateTime now = Times.now();
                    if (c.phase(now) != ChallengePhase.OPEN) {
                        throw new ConflictException("challengeId", "submissions are not open: the challenge is "
                                + c.phase(now));
                    }
                    return WorkEntity.<WorkEntity> findById(workId).chain(work -> eligible(access, c, work, workId, entrant))
                            .chain(() -> ChallengeEntryEntity.count("challengeId = ?1 and workId = ?2 and status <> ?3",
                                    c.id, workId, ChallengeEntryStatus.WITHDRAWN))
                            .chain(entered -> {
                                if (entered > 0) {
                                    throw new ConflictException("workId", "this work is already entered in this challenge");
                                }
                                return activeEntries(c.id, entrant);
                            })
                            .chain(count -> {
                                if (count >= c.entriesPerCreator) {
                                    throw new ConflictException("challengeId", "the entrant already has "
                                            + count + " entr" + (count == 1 ? "y" : "ies") + " in this challenge (at most "
                                            + c.entriesPerCreator + ")");
                                }
                                ChallengeEntryEntity e = new ChallengeEntryEntity();
                                e.id = UUID.randomUUID();
                                e.challengeId = c.id;
                                e.workId = workId;
                                e.creatorId = entrant;
                                e.status = ChallengeEntryStatus.ACTIVE;
                                e.submittedAt = now;
                                e.updatedAt = now;
                                return e.persistAndFlush().replaceWith(e);
                            });
                }), e -> e.id.toString(), id -> ChallengeEntryEntity.<ChallengeEntryEntity> findById(UUID.fromString(id)))
                .onFailure().transform(UniqueViolations.mapping(Map.of("challenge_entry_work_key",
                        () -> new ConflictException("workId", "this work is already entered in this challenge"))));
    }

    /** The entrant withdraws their entry (or staff for them) while submissions are open. */
    @WithTransaction
    public Uni<ChallengeEntryEntity> withdraw(Access access, ChallengeEntryIdInput input) {
        access.requireStaffOrCreator();
        return endEntry(access, Inputs.id("id", input.id()), ChallengeEntryStatus.WITHDRAWN, null);
    }

    /** Staff disqualify an ACTIVE entry with a reason, which its entrant sees, until the results are published. */
    @WithTransaction
    public Uni<ChallengeEntryEntity> disqualify(Access access, DisqualifyChallengeEntryInput input) {
        access.requireStaff();
        UUID id = Inputs.id("id", input.id());
        return endEntry(access, id, ChallengeEntryStatus.DISQUALIFIED, ChallengeRules.reason(input.reason()));
    }

    /**
     * An ACTIVE entry becomes WITHDRAWN (only while submissions are open) or DISQUALIFIED (until the results or a
     * cancellation); anything else is a CONFLICT.
     */
    private static Uni<ChallengeEntryEntity> endEntry(Access access, UUID id, ChallengeEntryStatus to, String reason) {
        return lockedEntry(access, id).chain(e -> ChallengeEntity.<ChallengeEntity> findById(e.challengeId).map(c -> {
            OffsetDateTime now = Times.now();
            if (e.status != ChallengeEntryStatus.ACTIVE) {
                throw new ConflictException("id", "the entry is " + e.status);
            }
            boolean open = to == ChallengeEntryStatus.WITHDRAWN ? c.phase(now) == ChallengePhase.OPEN
                    : c.state != ChallengeState.PUBLISHED && c.state != ChallengeState.CANCELLED;
            if (!open) {
                throw new ConflictException("id", (to == ChallengeEntryStatus.WITHDRAWN
                        ? "entries can be withdrawn only while submissions are open; " : "")
                        + "the challenge is " + c.phase(now));
            }
            e.status = to;
            e.disqualifiedReason = reason;
            e.updatedAt = now;
            return e;
        }));
    }

    /**
     * The caller's one vote in the challenge, while VOTING, for an ACTIVE entry that does not credit them; voting
     * again moves it. One statement (an upsert on the voter's row), so that a vote sent twice, or two at once,
     * counts once.
     */
    @WithTransaction
    public Uni<ChallengeVote> vote(Access access, CastChallengeVoteInput input) {
        String voter = access.requireSignedIn();
        UUID challengeId = Inputs.id("challengeId", input.challengeId());
        UUID entryId = Inputs.id("entryId", input.entryId());
        OffsetDateTime now = Times.now();
        return ChallengeEntity.<ChallengeEntity> findById(challengeId).chain(c -> {
            if (!ChallengeQueries.visible(access, c, now)) {
                throw new NotFoundException("challengeId", "no challenge with id " + challengeId);
            }
            if (c.phase(now) != ChallengePhase.VOTING) {
                throw new ConflictException("challengeId", "votes are not taken: the challenge is " + c.phase(now));
            }
            return ChallengeEntryEntity.<ChallengeEntryEntity> findById(entryId);
        }).chain(e -> {
            if (e == null || !e.challengeId.equals(challengeId) || e.status != ChallengeEntryStatus.ACTIVE) {
                throw new NotFoundException("entryId", "no active entry " + entryId + " in this challenge");
            }
            if (access.creatorId() == null) {
                return Uni.createFrom().item(e);
            }
            return WorkVisibility.IN_TRANSACTION.creditedAmong(access.creatorId(), List.of(e.workId)).map(credited -> {
                if (!credited.isEmpty()) {
                    throw new ForbiddenException("a creator cannot vote for an entry that credits them");
                }
                return e;
            });
        }).chain(e -> Panache.getSession().chain(s -> s.createNativeQuery("insert into challenge_vote "
                + "(challenge_id, voter, entry_id, cast_at) values (:challenge, :voter, :entry, :now) "
                + "on conflict (challenge_id, voter) do update set entry_id = excluded.entry_id, cast_at = excluded.cast_at")
                .setParameter("challenge", challengeId).setParameter("voter", voter).setParameter("entry", entryId)
                .setParameter("now", now).executeUpdate()))
                .replaceWith(new ChallengeVote(now, entryId.toString()));
    }

    // --- helpers

    private static UUID entrant(Access access, String creatorId) {
        if (access.staff()) {
            return Inputs.id("creatorId", creatorId);
        }
        UUID own = access.creatorId();
        if (creatorId != null && !Inputs.id("creatorId", creatorId).equals(own)) {
            throw new ForbiddenException("a creator enters their own works");
        }
        return own;
    }

    private static Uni<Void> eligible(Access access, ChallengeEntity c, WorkEntity work, UUID workId, UUID entrant) {
        if (work == null) {
            throw new NotFoundException("workId", "no work with id " + workId);
        }
        return WorkVisibility.IN_TRANSACTION.creditedAmong(entrant, List.of(workId)).map(credited -> {
            if (credited.isEmpty() && !WorkVisibility.seesAll(access) && work.status != WorkStatus.PUBLISHED) {
                throw new NotFoundException("workId", "no work with id " + workId); // not theirs to see
            }
            if (work.status != WorkStatus.PUBLISHED) {
                throw new BadUserInputException("workId", "only a PUBLISHED work can enter; this one is " + work.status);
            }
            if (work.kind != c.entryKind) {
                throw new BadUserInputException("workId", "this challenge takes a " + c.entryKind + ", not a " + work.kind);
            }
            if (c.sourceWorkId != null && !c.sourceWorkId.equals(work.derivedFromId)) {
                throw new BadUserInputException("workId", "an entry must derive from the challenge's source work");
            }
            if (credited.isEmpty()) {
                throw new BadUserInputException("workId", "the work must credit the entrant");
            }
            if (c.minDurationSeconds != null && work.durationSeconds < c.minDurationSeconds) {
                throw new BadUserInputException("workId", "the work is " + work.durationSeconds
                        + " s long; this challenge takes at least " + c.minDurationSeconds + " s");
            }
            if (c.maxDurationSeconds != null && work.durationSeconds > c.maxDurationSeconds) {
                throw new BadUserInputException("workId", "the work is " + work.durationSeconds
                        + " s long; this challenge takes at most " + c.maxDurationSeconds + " s");
            }
            return null;
        });
    }

    private static Uni<Long> activeEntries(UUID challenge, UUID creator) {
        return ChallengeEntryEntity.count("challengeId = ?1 and creatorId = ?2 and status = ?3", challenge, creator,
                ChallengeEntryStatus.ACTIVE);
    }

    /** A source work must exist (NOT_FOUND) and be a PUBLISHED audio work (BAD_USER_INPUT). */
    private static Uni<Void> sourceWork(UUID id) {
        if (id == null) {
            return Uni.createFrom().voidItem();
        }
        return WorkEntity.<WorkEntity> findById(id).map(work -> {
            if (work == null) {
                throw new NotFoundException("sourceWorkId", "no work with id " + id);
            }
            if (work.status != WorkStatus.PUBLISHED || work.kind == WorkKind.MUSIC_VIDEO) {
                throw new BadUserInputException("sourceWorkId", "the source must be a PUBLISHED audio work; this one "
                        + "is a " + work.status + " " + work.kind);
            }
            return null;
        });
    }

    private static void requireDraft(boolean draft, String field) {
        if (!draft) {
            throw new ConflictException(field, "the " + field + " of a challenge is fixed once it is announced");
        }
    }

    private static boolean sameSchedule(ChallengeEntity c, ChallengeScheduleInput s) {
        return c.announceAt.isEqual(s.announceAt()) && c.submissionsOpenAt.isEqual(s.submissionsOpenAt())
                && c.submissionsCloseAt.isEqual(s.submissionsCloseAt()) && c.votingCloseAt.isEqual(s.votingCloseAt())
                && c.resultsAt.isEqual(s.resultsAt());
    }

    private static void schedule(ChallengeEntity c, ChallengeRules.Schedule s) {
        c.announceAt = s.announceAt();
        c.submissionsOpenAt = s.openAt();
        c.submissionsCloseAt = s.closeAt();
        c.votingCloseAt = s.votingCloseAt();
        c.resultsAt = s.resultsAt();
    }

    private static ChallengeRules.Terms terms(ChallengeEntity c) {
        return new ChallengeRules.Terms(c.entriesPerCreator, c.minDurationSeconds, c.maxDurationSeconds, c.voteWeight,
                c.juryWeight, c.engagementWeight);
    }

    private static void terms(ChallengeEntity c, ChallengeRules.Terms t) {
        c.entriesPerCreator = t.entriesPerCreator();
        c.minDurationSeconds = t.minDuration();
        c.maxDurationSeconds = t.maxDuration();
        c.voteWeight = t.voteWeight();
        c.juryWeight = t.juryWeight();
        c.engagementWeight = t.engagementWeight();
    }

    /** The challenge, locked, when the caller may see it; NOT_FOUND naming challengeId otherwise. */
    private static Uni<ChallengeEntity> lockedVisible(Access access, UUID id) {
        return ChallengeEntity.<ChallengeEntity> findById(id, LockModeType.PESSIMISTIC_WRITE).map(c -> {
            if (!ChallengeQueries.visible(access, c, Times.now())) {
                throw new NotFoundException("challengeId", "no challenge with id " + id);
            }
            return c;
        });
    }

    /** The entry, locked, when the caller is its entrant or staff; NOT_FOUND otherwise (it does not leak). */
    private static Uni<ChallengeEntryEntity> lockedEntry(Access access, UUID id) {
        return ChallengeEntryEntity.<ChallengeEntryEntity> findById(id, LockModeType.PESSIMISTIC_WRITE).map(e -> {
            if (e == null || !access.staffOr(e.creatorId)) {
                throw new NotFoundException("id", "no challenge entry with id " + id);
            }
            return e;
        });
    }
}
