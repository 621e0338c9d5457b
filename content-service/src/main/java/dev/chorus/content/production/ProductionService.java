package dev.chorus.content.production;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.hibernate.reactive.mutiny.Mutiny;

import dev.chorus.common.db.Idempotency;
import dev.chorus.common.db.UniqueViolations;
import dev.chorus.common.error.BadUserInputException;
import dev.chorus.common.error.ConflictException;
import dev.chorus.common.error.ForbiddenException;
import dev.chorus.common.error.NotFoundException;
import dev.chorus.common.input.Inputs;
import dev.chorus.common.security.Access;
import dev.chorus.common.time.Times;
import dev.chorus.content.challenge.ChallengePrizeService;
import dev.chorus.content.work.CreditRole;
import dev.chorus.content.work.WorkEntity;
import dev.chorus.content.work.WorkKind;
import dev.chorus.content.work.WorkStatus;
import dev.chorus.content.work.WorkVisibility;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Running a music-video production. Staff open it (BRIEF) and take each step; a step checks what its stage needs
 * and any other move is a CONFLICT. Every step is kept with who made it, when, and its note. Each change locks the
 * production's row, so that of two staff advancing it at once one wins and the other is refused (CONFLICT).
 */
@ApplicationScoped
public class ProductionService {
    static final BigDecimal BUDGET_MAX = new BigDecimal("100000000");

    @WithTransaction
    public Uni<ProductionEntity> open(Access access, OpenProductionInput input) {
        access.requireStaff();
        Idempotency.Key key = Idempotency.key("idempotencyKey", input.idempotencyKey());
        UUID workId = Inputs.id("workId", input.workId());
        UUID artistId = Inputs.id("artistId", input.artistId());
        UUID awardId = input.awardId() == null ? null : Inputs.id("awardId", input.awardId());
        String reason = Inputs.optionalLine("selectionReason", input.selectionReason(), ProductionRules.REASON_MAX);
        if ((awardId == null) == (reason == null)) {
            throw new BadUserInputException(awardId == null ? "selectionReason" : "awardId", "a production comes from "
                    + "either a challenge's award (awardId) or a programme selection (selectionReason), not both");
        }
        String brief = Inputs.optionalText("brief", input.brief(), ProductionRules.BRIEF_MAX);
        OffsetDateTime now = Times.now();
        List<ProductionDueInput> dueDates = ProductionRules.dueDates(input.dueDates() == null ? List.of()
                : input.dueDates(), now);
        return Idempotency.once("openProduction", access, key, input, () -> song(workId, artistId)
                .chain(() -> awardId == null ? Uni.createFrom().voidItem() : session()
                        .chain(s -> ChallengePrizeService.lockedMusicVideoAward(s, awardId)).map(winner -> {
                            if (!winner.workId().equals(workId)) {
                                throw new BadUserInputException("workId", "the song must be the winning entry's work");
                            }
                            if (!winner.entrantId().equals(artistId)) {
                                throw new BadUserInputException("artistId", "the artist must be the winning entrant");
                            }
                            return null;
                        }))
                .chain(() -> {
                    ProductionEntity p = new ProductionEntity();
                    p.id = UUID.randomUUID();
                    p.workId = workId;
                    p.artistId = artistId;
                    p.origin = awardId == null ? ProductionOrigin.PROGRAMME_SELECTION : ProductionOrigin.CHALLENGE_PRIZE;
                    p.awardId = awardId;
                    p.selectionReason = reason;
                    p.brief = brief;
                    p.stage = ProductionStage.BRIEF;
                    p.createdAt = now;
                    p.updatedAt = now;
                    return p.persistAndFlush().replaceWith(p);
                })
                .call(p -> session().chain(s -> dueDates(s, p.id, dueDates)))
                .call(p -> record(p.id, null, ProductionStage.BRIEF, access, now, null))
                .call(p -> awardId == null ? Uni.createFrom().voidItem()
                        : session().chain(s -> ChallengePrizeService.fulfilledBy(s, awardId, p.id, now))),
                p -> p.id.toString(), id -> ProductionEntity.<ProductionEntity> findById(UUID.fromString(id)))
                .onFailure().transform(UniqueViolations.mapping(Map.of(
                        "production_open_key", () -> new ConflictException("workId",
                                "the song already has a production in progress"),
                        "production_award_key", () -> new ConflictException("awardId",
                                "a production was already opened from this award"))));
    }

    /** The song: a PUBLISHED audio work crediting the artist. */
    private static Uni<Void> song(UUID workId, UUID artistId) {
        return WorkEntity.<WorkEntity> findById(workId).chain(work -> {
            if (work == null || work.status != WorkStatus.PUBLISHED || work.kind == WorkKind.MUSIC_VIDEO) {
                throw new BadUserInputException("workId", "the song must be a PUBLISHED audio work");
            }
            return WorkVisibility.IN_TRANSACTION.creditedAmong(artistId, List.of(workId)).map(credited -> {
                if (credited.isEmpty()) {
                    throw new BadUserInputException("artistId", "the artist must be credited on the song");
                }
                return null;
            });
        });
    }

    /** BRIEF to PITCHING: the shortlist of 1 to 5 directors. */
    @WithTransaction
    public Uni<ProductionEntity> shortlist(Access access, ShortlistDirectorsInput input) {
        access.requireStaff();
        UUID id = Inputs.id("productionId", input.productionId());
        List<UUID> directors = ProductionRules.shortlist(input.directorIds());
        String note = note(input.note());
        OffsetDateTime now = Times.now();
        return locked(id).chain(p -> step(access, p, ProductionStage.BRIEF, ProductionStage.PITCHING, note, now)
                .call(() -> session().chain(s -> {
                    Uni<Integer> chain = Uni.createFrom().item(0);
                    for (int i = 0; i < directors.size(); i++) {
                        int position = i;
                        chain = chain.chain(() -> s.createNativeQuery("insert into production_director (production_id, "
                                + "creator_id, position, shortlisted_at) values (:p, :c, :i, :t)").setParameter("p", id)
                                .setParameter("c", directors.get(position)).setParameter("i", position)
                                .setParameter("t", now).executeUpdate());
                    }
                    return chain;
                })));
    }

    /** A shortlisted director's one pitch, while PITCHING (staff may pitch for one). */
    @WithTransaction
    public Uni<ProductionEntity> pitch(Access access, SubmitPitchInput input) {
        access.requireStaffOrCreator();
        UUID id = Inputs.id("productionId", input.productionId());
        UUID director = access.staff() && input.directorId() != null ? Inputs.id("directorId", input.directorId())
                : access.creatorId();
        if (director == null) {
            throw new BadUserInputException("directorId", "staff name the director they pitch for");
        }
        String title = Inputs.requiredLine("title", input.title(), ProductionRules.TITLE_MAX);
        String treatment = Inputs.requiredText("treatment", input.treatment(), ProductionRules.TREATMENT_MAX);
        OffsetDateTime now = Times.now();
        return lockedFor(access, id).chain(p -> session().chain(s -> s.createNativeQuery("select pitched_at from "
                + "production_director where production_id = :p and creator_id = :c for update", Object.class)
                .setParameter("p", id).setParameter("c", director).getResultList().chain(rows -> {
                    if (rows.isEmpty()) {
                        throw new ForbiddenException("Only a shortlisted director pitches for a production.");
                    }
                    if (p.stage != ProductionStage.PITCHING) {
                        throw new ConflictException("productionId", "pitches are submitted while PITCHING; the "
                                + "production is " + p.stage);
                    }
                    if (rows.get(0) != null) {
                        throw new ConflictException("productionId", "each director submits one pitch");
                    }
                    return s.createNativeQuery("update production_director set pitch_title = :title, pitch_treatment "
                            + "= :text, pitched_at = :t where production_id = :p and creator_id = :c")
                            .setParameter("title", title).setParameter("text", treatment).setParameter("t", now)
                            .setParameter("p", id).setParameter("c", director).executeUpdate();
                })).replaceWith(p));
    }

    /** PITCHING to TREATMENT_APPROVED: one submitted pitch approved, its director the production's. */
    @WithTransaction
    public Uni<ProductionEntity> approvePitch(Access access, ApprovePitchInput input) {
        access.requireStaff();
        UUID id = Inputs.id("productionId", input.productionId());
        UUID director = Inputs.id("directorId", input.directorId());
        String note = note(input.note());
        OffsetDateTime now = Times.now();
        return locked(id).chain(p -> {
            requireStage(p, ProductionStage.PITCHING, ProductionStage.TREATMENT_APPROVED);
            return session().chain(s -> s.createNativeQuery("select count(*) from production_director where "
                    + "production_id = :p and creator_id = :c and pitched_at is not null", Long.class)
                    .setParameter("p", id).setParameter("c", director).getSingleResult()).chain(pitched -> {
                        if (pitched == 0) {
                            throw new BadUserInputException("directorId", "approve a pitch that a shortlisted director "
                                    + "submitted");
                        }
                        p.directorId = director;
                        return step(access, p, ProductionStage.PITCHING, ProductionStage.TREATMENT_APPROVED, note, now);
                    });
        });
    }

    /** The budget, approved while TREATMENT_APPROVED (before pre-production); again replaces it. */
    @WithTransaction
    public Uni<ProductionEntity> approveBudget(Access access, ApproveBudgetInput input) {
        access.requireStaff();
        UUID id = Inputs.id("productionId", input.productionId());
        BigDecimal amount = Inputs.amount("amount", input.amount(), BUDGET_MAX);
        String currency = Inputs.currency("currency", input.currency());
        OffsetDateTime now = Times.now();
        return locked(id).map(p -> {
            if (p.stage != ProductionStage.TREATMENT_APPROVED) {
                throw new ConflictException("productionId", "a budget is approved after the treatment and before "
                        + "pre-production; the production is " + p.stage);
            }
            p.budgetAmount = amount;
            p.budgetCurrency = currency;
            p.budgetApprovedAt = now;
            p.updatedAt = now;
            return p;
        });
    }

    /** TREATMENT_APPROVED to PRE_PRODUCTION, once a budget is approved. */
    @WithTransaction
    public Uni<ProductionEntity> startPreProduction(Access access, ProductionStepInput input) {
        return simpleStep(access, input, ProductionStage.TREATMENT_APPROVED, ProductionStage.PRE_PRODUCTION);
    }

    @WithTransaction
    public Uni<ProductionEntity> startShooting(Access access, ProductionStepInput input) {
        return simpleStep(access, input, ProductionStage.PRE_PRODUCTION, ProductionStage.SHOOTING);
    }

    @WithTransaction
    public Uni<ProductionEntity> startEditing(Access access, ProductionStepInput input) {
        return simpleStep(access, input, ProductionStage.SHOOTING, ProductionStage.EDITING);
    }

    private Uni<ProductionEntity> simpleStep(Access access, ProductionStepInput input, ProductionStage from,
            ProductionStage to) {
        access.requireStaff();
        UUID id = Inputs.id("productionId", input.productionId());
        String note = note(input.note());
        OffsetDateTime now = Times.now();
        return locked(id).chain(p -> {
            requireStage(p, from, to);
            if (to == ProductionStage.PRE_PRODUCTION && p.budgetAmount == null) {
                throw new ConflictException("productionId", "approve a budget before pre-production");
            }
            return step(access, p, from, to, note, now);
        });
    }

    /** A cut while EDITING, by staff or the director: the next version. */
    @WithTransaction
    public Uni<ProductionCut> addCut(Access access, AddCutInput input) {
        access.requireStaffOrCreator();
        Idempotency.Key key = Idempotency.key("idempotencyKey", input.idempotencyKey());
        UUID id = Inputs.id("productionId", input.productionId());
        String url = ProductionRules.url(input.url());
        OffsetDateTime now = Times.now();
        return Idempotency.once("addProductionCut", access, key, input, () -> lockedFor(access, id).chain(p -> {
            if (!access.staffOr(p.directorId)) {
                throw new ForbiddenException("Staff and the production's director add cuts.");
            }
            if (p.stage != ProductionStage.EDITING) {
                throw new ConflictException("productionId", "cuts are added while EDITING; the production is " + p.stage);
            }
            UUID cut = UUID.randomUUID();
            return session().chain(s -> s.createNativeQuery("insert into production_cut (id, production_id, version, "
                    + "url, added_by, added_at) select :id, :p, coalesce(max(version), 0) + 1, :u, :by, :t from "
                    + "production_cut where production_id = :p").setParameter("id", cut).setParameter("p", id)
                    .setParameter("u", url).setParameter("by", access.subject()).setParameter("t", now).executeUpdate()
                    .chain(() -> cut(s, cut)));
        }), c -> c.id(), c -> session().chain(s -> cut(s, UUID.fromString(c))));
    }

    private static Uni<ProductionCut> cut(Mutiny.Session s, UUID id) {
        return s.createNativeQuery("select id, version, url, added_at from production_cut where id = :id", Object[].class)
                .setParameter("id", id).getSingleResult().map(ProductionQueries::cut);
    }

    /** Feedback on a cut while EDITING, by the artist or staff. */
    @WithTransaction
    public Uni<CutFeedback> feedback(Access access, CutFeedbackInput input) {
        access.requireStaffOrCreator();
        Idempotency.Key key = Idempotency.key("idempotencyKey", input.idempotencyKey());
        UUID cutId = Inputs.id("cutId", input.cutId());
        String note = Inputs.requiredText("note", input.note(), ProductionRules.NOTE_MAX);
        OffsetDateTime now = Times.now();
        return Idempotency.once("leaveCutFeedback", access, key, input, () -> session()
                .chain(s -> s.createNativeQuery("select production_id from production_cut where id = :c", UUID.class)
                        .setParameter("c", cutId).getResultList())
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        throw new NotFoundException("cutId", "no cut with id " + cutId);
                    }
                    return lockedFor(access, rows.get(0)).onFailure(NotFoundException.class)
                            .transform(e -> new NotFoundException("cutId", "no cut with id " + cutId));
                })
                .chain(p -> {
                    if (!access.staffOr(p.artistId)) {
                        throw new ForbiddenException("The artist and staff leave feedback on cuts.");
                    }
                    if (p.stage != ProductionStage.EDITING) {
                        throw new ConflictException("cutId", "feedback is left while EDITING; the production is "
                                + p.stage);
                    }
                    UUID id = UUID.randomUUID();
                    return session().chain(s -> s.createNativeQuery("insert into production_feedback (id, cut_id, "
                            + "author, note, created_at) values (:id, :c, :a, :n, :t)").setParameter("id", id)
                            .setParameter("c", cutId).setParameter("a", access.subject()).setParameter("n", note)
                            .setParameter("t", now).executeUpdate()).replaceWith(new StoredFeedback(id,
                                    new CutFeedback(access.subject(), note, now)));
                }), f -> f.id().toString(), id -> session().chain(s -> s.createNativeQuery("select id, author, note, "
                        + "created_at from production_feedback where id = :id", Object[].class)
                        .setParameter("id", UUID.fromString(id)).getSingleResult()).map(r -> new StoredFeedback(
                                (UUID) r[0], ProductionQueries.feedback(r))))
                .map(StoredFeedback::feedback);
    }

    private record StoredFeedback(UUID id, CutFeedback feedback) {
    }

    /**
     * EDITING to DELIVERED: the final cut is one of the production's, and the video a MUSIC_VIDEO work derived from
     * the song that credits the director as DIRECTOR and the artist (each broken rule BAD_USER_INPUT naming the field).
     */
    @WithTransaction
    public Uni<ProductionEntity> deliver(Access access, DeliverProductionInput input) {
        access.requireStaff();
        UUID id = Inputs.id("productionId", input.productionId());
        UUID cut = Inputs.id("finalCutId", input.finalCutId());
        UUID video = Inputs.id("videoWorkId", input.videoWorkId());
        String note = note(input.note());
        OffsetDateTime now = Times.now();
        return locked(id).chain(p -> {
            requireStage(p, ProductionStage.EDITING, ProductionStage.DELIVERED);
            return session().chain(s -> s.createNativeQuery("select count(*) from production_cut where id = :c and "
                    + "production_id = :p", Long.class).setParameter("c", cut).setParameter("p", id).getSingleResult()
                    .chain(found -> {
                        if (found == 0) {
                            throw new BadUserInputException("finalCutId", "not a cut of this production");
                        }
                        return WorkEntity.<WorkEntity> findById(video);
                    })
                    .chain(work -> {
                        if (work == null || work.kind != WorkKind.MUSIC_VIDEO || !p.workId.equals(work.derivedFromId)) {
                            throw new BadUserInputException("videoWorkId", "the video must be a MUSIC_VIDEO work "
                                    + "derived from the song");
                        }
                        return s.createNativeQuery("select creator_id, role from work_credit where work_id = :w",
                                Object[].class).setParameter("w", video).getResultList();
                    })
                    .chain(credits -> {
                        boolean director = credits.stream().anyMatch(r -> p.directorId.equals(r[0])
                                && CreditRole.DIRECTOR.name().equals(r[1]));
                        boolean artist = credits.stream().anyMatch(r -> p.artistId.equals(r[0]));
                        if (!director || !artist) {
                            throw new BadUserInputException("videoWorkId", "the video must credit the director as "
                                    + "DIRECTOR and the artist");
                        }
                        p.finalCutId = cut;
                        p.videoWorkId = video;
                        return step(access, p, ProductionStage.EDITING, ProductionStage.DELIVERED, note, now);
                    }));
        });
    }

    /** DELIVERED to RELEASED: the video is PUBLISHED and LIVE on at least one platform. */
    @WithTransaction
    public Uni<ProductionEntity> release(Access access, ProductionStepInput input) {
        access.requireStaff();
        UUID id = Inputs.id("productionId", input.productionId());
        String note = note(input.note());
        OffsetDateTime now = Times.now();
        return locked(id).chain(p -> {
            requireStage(p, ProductionStage.DELIVERED, ProductionStage.RELEASED);
            return session().chain(s -> s.createNativeQuery("select w.status, (select count(*) from distribution d "
                    + "where d.work_id = w.id and d.status = 'LIVE') from work w where w.id = :w", Object[].class)
                    .setParameter("w", p.videoWorkId).getSingleResult()).chain(r -> {
                        if (!WorkStatus.PUBLISHED.name().equals(r[0]) || ((Number) r[1]).longValue() == 0) {
                            throw new ConflictException("productionId", "a production is released once its video is "
                                    + "PUBLISHED and LIVE on a platform");
                        }
                        return step(access, p, ProductionStage.DELIVERED, ProductionStage.RELEASED, note, now);
                    });
        });
    }

    /** Any stage before RELEASED to CANCELLED, with a reason. */
    @WithTransaction
    public Uni<ProductionEntity> cancel(Access access, CancelProductionInput input) {
        access.requireStaff();
        UUID id = Inputs.id("productionId", input.productionId());
        String reason = Inputs.requiredLine("reason", input.reason(), ProductionRules.REASON_MAX);
        OffsetDateTime now = Times.now();
        return locked(id).chain(p -> {
            if (p.stage.closed()) {
                throw new ConflictException("productionId", "a production that is " + p.stage + " cannot be cancelled");
            }
            p.cancelReason = reason;
            return step(access, p, p.stage, ProductionStage.CANCELLED, reason, now);
        });
    }

    @WithTransaction
    public Uni<ProductionEntity> setDueDates(Access access, SetProductionDueDatesInput input) {
        access.requireStaff();
        UUID id = Inputs.id("productionId", input.productionId());
        OffsetDateTime now = Times.now();
        List<ProductionDueInput> dueDates = ProductionRules.dueDates(input.dueDates(), now);
        return locked(id).call(p -> {
            if (p.stage.closed()) {
                throw new ConflictException("productionId", "a production that is " + p.stage + " is due no more");
            }
            p.updatedAt = now;
            return session().chain(s -> s.createNativeQuery("delete from production_due where production_id = :p")
                    .setParameter("p", id).executeUpdate().chain(() -> dueDates(s, id, dueDates)));
        });
    }

    private static Uni<Void> dueDates(Mutiny.Session s, UUID production, List<ProductionDueInput> dueDates) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ProductionDueInput due : dueDates) {
            chain = chain.chain(() -> s.createNativeQuery("insert into production_due (production_id, stage, due_at) "
                    + "values (:p, :s, :d)").setParameter("p", production).setParameter("s", due.stage().name())
                    .setParameter("d", due.dueAt()).executeUpdate()).replaceWithVoid();
        }
        return chain;
    }

    private static void requireStage(ProductionEntity p, ProductionStage from, ProductionStage to) {
        if (p.stage != from) {
            throw new ConflictException("productionId", "a production that is " + p.stage + " cannot become " + to
                    + " (only from " + from + ")");
        }
    }

    /** The stage moves from {@code from} to {@code to}, kept in the history. */
    private static Uni<ProductionEntity> step(Access access, ProductionEntity p, ProductionStage from, ProductionStage to,
            String note, OffsetDateTime now) {
        requireStage(p, from, to);
        p.stage = to;
        p.updatedAt = now;
        return record(p.id, from, to, access, now, note).replaceWith(p);
    }

    private static Uni<Integer> record(UUID production, ProductionStage from, ProductionStage to, Access access,
            OffsetDateTime now, String note) {
        return session().chain(s -> s.createNativeQuery("insert into production_step (id, production_id, from_stage, "
                + "to_stage, actor, at, note) values (:id, :p, cast(:f as text), :to, :a, :t, cast(:n as text))")
                .setParameter("id", UUID.randomUUID()).setParameter("p", production)
                .setParameter("f", from == null ? null : from.name()).setParameter("to", to.name())
                .setParameter("a", access.subject()).setParameter("t", now).setParameter("n", note).executeUpdate());
    }

    private static String note(String note) {
        return Inputs.optionalText("note", note, ProductionRules.NOTE_MAX);
    }

    private static Uni<ProductionEntity> locked(UUID id) {
        return ProductionEntity.<ProductionEntity> findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> new NotFoundException("productionId", "no production with id " + id));
    }

    /**
     * Locked, when the caller takes part in it (staff, the artist, a shortlisted director): NOT_FOUND when they may
     * not see it, FORBIDDEN when it is released and they only see it like anyone.
     */
    private static Uni<ProductionEntity> lockedFor(Access access, UUID id) {
        return locked(id).chain(p -> access.staff() || access.creatorId() == null ? Uni.createFrom().item(p)
                : session().chain(s -> s.createNativeQuery("select count(*) from production_director where "
                        + "production_id = :p and creator_id = :c", Long.class).setParameter("p", id)
                        .setParameter("c", access.creatorId()).getSingleResult()).map(shortlisted -> {
                    ProductionAccess seen = ProductionAccess.of(access, p, shortlisted > 0);
                    if (seen == null) {
                        throw new NotFoundException("productionId", "no production with id " + id);
                    }
                    if (!seen.takesPart()) {
                        throw new ForbiddenException("Only those taking part in a production change it.");
                    }
                    return p;
                }));
    }

    private static Uni<Mutiny.Session> session() {
        return Panache.getSession();
    }
}
