package dev.chorus.content.work;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.chorus.common.db.Idempotency;
import dev.chorus.common.db.UniqueViolations;
import dev.chorus.common.error.BadUserInputException;
import dev.chorus.common.error.ChorusException;
import dev.chorus.common.error.ConflictException;
import dev.chorus.common.error.ForbiddenException;
import dev.chorus.common.error.NotFoundException;
import dev.chorus.common.input.Inputs;
import dev.chorus.common.security.Access;
import dev.chorus.common.time.Times;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Every change to works, their credits and royalty splits. Inputs are validated whole before the first statement,
 * and each change runs in one transaction, so a refused change writes nothing.
 */
@ApplicationScoped
public class WorkService {
    private static final Map<String, Supplier<? extends ChorusException>> UNIQUE = Map.of(
            "work_isrc_key", () -> new ConflictException("isrc", "another work already has this ISRC"),
            "work_bilibili_bvid_key", () -> new ConflictException("bilibiliBvid", "another work already has this Bilibili id"),
            "work_qq_music_song_mid_key", () -> new ConflictException("qqMusicSongMid",
                    "another work already has this QQ Music id"));

    @WithTransaction
    public Uni<WorkEntity> create(Access access, CreateWorkInput input) {
        access.requireStaffOrCreator();
        Idempotency.Key key = Idempotency.key("idempotencyKey", input.idempotencyKey());
        WorkEntity work = new WorkEntity();
        work.id = UUID.randomUUID();
        work.title = WorkRules.title(input.title());
        work.kind = input.kind();
        work.language = WorkRules.language(input.language());
        work.genre = WorkRules.genre(input.genre());
        work.durationSeconds = WorkRules.duration(input.durationSeconds());
        work.isrc = WorkRules.isrc(input.isrc());
        work.iswc = WorkRules.iswc(input.iswc());
        work.bilibiliBvid = WorkRules.bilibiliBvid(input.bilibiliBvid());
        work.qqMusicSongMid = WorkRules.qqMusicSongMid(input.qqMusicSongMid());
        work.derivedFromId = input.derivedFromId() == null ? null : Inputs.id("derivedFromId", input.derivedFromId());
        requireLineageShape(work.kind, work.derivedFromId);
        List<WorkRules.CreditLine> credits = WorkRules.credits(input.credits());
        List<WorkRules.Share> splits = WorkRules.splits(input.royaltySplits());
        requireSelfCredited(access, credits);
        work.status = WorkStatus.DRAFT;
        work.createdAt = Times.now();
        work.updatedAt = work.createdAt;

        return Idempotency.once("createWork", access, key, input,
                () -> checkSource(access, work.kind, work.derivedFromId)
                        .chain(() -> work.persist())
                        .chain(() -> writeCreditsAndSplits(work.id, credits, splits))
                        .chain(Panache::flush)
                        .replaceWith(work),
                w -> w.id.toString(), id -> WorkEntity.<WorkEntity> findById(UUID.fromString(id)))
                .onFailure().transform(UniqueViolations.mapping(UNIQUE));
    }

    @WithTransaction
    public Uni<WorkEntity> update(Access access, UpdateWorkInput input) {
        access.requireStaffOrCreator();
        UUID id = Inputs.id("id", input.id());
        String title = input.title() == null ? null : WorkRules.title(input.title());
        Integer duration = input.durationSeconds() == null ? null : WorkRules.duration(input.durationSeconds());
        String language = WorkRules.language(input.language());
        String genre = WorkRules.genre(input.genre());
        String isrc = WorkRules.isrc(input.isrc());
        String iswc = WorkRules.iswc(input.iswc());
        String bvid = WorkRules.bilibiliBvid(input.bilibiliBvid());
        String songMid = WorkRules.qqMusicSongMid(input.qqMusicSongMid());
        UUID derivedFrom = input.derivedFromId() == null ? null : Inputs.id("derivedFromId", input.derivedFromId());
        if (id.equals(derivedFrom)) {
            throw new BadUserInputException("derivedFromId", "a work cannot derive from itself");
        }
        List<WorkRules.CreditLine> credits = input.credits() == null ? null : WorkRules.credits(input.credits());
        List<WorkRules.Share> splits = input.royaltySplits() == null ? null : WorkRules.splits(input.royaltySplits());
        if (credits != null) {
            requireSelfCredited(access, credits);
        }

        return owned(access, id).chain(work -> {
            // lineage is checked before anything changes: a query would flush a half-made change first
            boolean newSource = derivedFrom != null && !derivedFrom.equals(work.derivedFromId);
            Uni<Void> lineage = Uni.createFrom().voidItem();
            if (newSource) {
                requireLineageShape(work.kind, derivedFrom);
                lineage = checkSource(access, work.kind, derivedFrom).chain(() -> refuseCycle(id, derivedFrom));
            }
            return lineage.chain(() -> {
                if (title != null) work.title = title;
                if (duration != null) work.durationSeconds = duration;
                if (input.language() != null) work.language = language;
                if (input.genre() != null) work.genre = genre;
                if (input.isrc() != null) work.isrc = isrc;
                if (input.iswc() != null) work.iswc = iswc;
                if (input.bilibiliBvid() != null) work.bilibiliBvid = bvid;
                if (input.qqMusicSongMid() != null) work.qqMusicSongMid = songMid;
                if (newSource) work.derivedFromId = derivedFrom;
                work.updatedAt = Times.now();
                return (credits == null ? Uni.createFrom().voidItem()
                        : CreditEntity.delete("workId", id).chain(() -> persistAll(creditRows(id, credits))))
                        .chain(() -> splits == null ? Uni.createFrom().voidItem()
                                : RoyaltySplitEntity.delete("workId", id).chain(() -> persistAll(splitRows(id, splits))))
                        .chain(Panache::flush)
                        .replaceWith(work);
            });
        }).onFailure().transform(UniqueViolations.mapping(UNIQUE));
    }

    /** DRAFT or WITHDRAWN to PUBLISHED; needs at least one PERFORMER. */
    @WithTransaction
    public Uni<WorkEntity> publish(Access access, PublishWorkInput input) {
        access.requireStaffOrCreator();
        UUID id = Inputs.id("id", input.id());
        return owned(access, id).chain(work -> {
            if (work.status == WorkStatus.PUBLISHED) {
                throw new ConflictException("id", "the work is already PUBLISHED");
            }
            return CreditEntity.count("workId = ?1 and role = ?2", id, CreditRole.PERFORMER).map(performers -> {
                if (performers == 0) {
                    throw new ConflictException("credits", "a published work needs at least one PERFORMER credit");
                }
                work.status = WorkStatus.PUBLISHED;
                work.releasedAt = input.releasedAt() != null ? input.releasedAt()
                        : work.releasedAt != null ? work.releasedAt : Times.now();
                work.updatedAt = Times.now();
                return work;
            });
        });
    }

    /** PUBLISHED to WITHDRAWN. */
    @WithTransaction
    public Uni<WorkEntity> withdraw(Access access, WorkIdInput input) {
        access.requireStaffOrCreator();
        UUID id = Inputs.id("id", input.id());
        return owned(access, id).map(work -> {
            if (work.status != WorkStatus.PUBLISHED) {
                throw new ConflictException("id", "only a PUBLISHED work can be withdrawn; this one is " + work.status);
            }
            work.status = WorkStatus.WITHDRAWN;
            work.updatedAt = Times.now();
            return work;
        });
    }

    /**
     * The work, locked, when the caller may change it: staff, or a creator credited on it. Someone else's
     * PUBLISHED work is FORBIDDEN; a hidden one is NOT_FOUND, as if it did not exist.
     */
    static Uni<WorkEntity> owned(Access access, UUID id) {
        return locked(id).chain(work -> access.staff() ? Uni.createFrom().item(work)
                : WorkVisibility.withPrivateFields(access, List.of(id), WorkVisibility.IN_TRANSACTION).map(own -> {
                    if (own.contains(id)) {
                        return work;
                    }
                    if (work.status == WorkStatus.PUBLISHED) {
                        throw new ForbiddenException("only staff and the creators credited on a work may change it");
                    }
                    throw new NotFoundException("id", "no work with id " + id);
                }));
    }

    /** A creator makes works they are credited on, and cannot take themselves off one (staff can). */
    private static void requireSelfCredited(Access access, List<WorkRules.CreditLine> credits) {
        if (!access.staff() && credits.stream().noneMatch(c -> access.is(c.creatorId()))) {
            throw new BadUserInputException("credits", "credit yourself: a creator makes and edits only works "
                    + "that credit them (creator " + access.creatorId() + ")");
        }
    }

    static Uni<WorkEntity> locked(UUID id) {
        return WorkEntity.<WorkEntity> findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> new NotFoundException("id", "no work with id " + id));
    }

    private static void requireLineageShape(WorkKind kind, UUID derivedFrom) {
        if (kind == WorkKind.ORIGINAL && derivedFrom != null) {
            throw new BadUserInputException("derivedFromId", "an ORIGINAL work derives from no other work");
        }
        if (kind != WorkKind.ORIGINAL && derivedFrom == null) {
            throw new BadUserInputException("derivedFromId", kind == WorkKind.MUSIC_VIDEO
                    ? "a MUSIC_VIDEO needs the audio work it is for"
                    : "a " + kind + " needs the work it derives from");
        }
    }

    /** The source must exist and be audio: remixes, covers and videos are made of songs, not of videos. */
    private static Uni<Void> checkSource(Access access, WorkKind kind, UUID source) {
        if (source == null) {
            return Uni.createFrom().voidItem();
        }
        return WorkEntity.<WorkEntity> findById(source)
                .chain(found -> found == null ? Uni.createFrom().<WorkEntity> nullItem()
                        : WorkVisibility.visible(access, List.of(found), WorkVisibility.IN_TRANSACTION)
                                .map(list -> list.get(0)))
                .map(found -> {
            if (found == null) {
                throw new NotFoundException("derivedFromId", "no work with id " + source);
            }
            if (found.kind == WorkKind.MUSIC_VIDEO) {
                throw new BadUserInputException("derivedFromId",
                        "a " + kind + " must derive from an audio work, not from a MUSIC_VIDEO");
            }
            return null;
        });
    }

    /** Refuses a new source that already derives, directly or not, from this work. */
    private static Uni<Void> refuseCycle(UUID work, UUID source) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                with recursive up(id, derived_from_id) as (
                    select id, derived_from_id from work where id = :source
                    union
                    select w.id, w.derived_from_id from work w join up on w.id = up.derived_from_id)
                select count(*) from up where id = :self""", Long.class)
                .setParameter("source", source).setParameter("self", work)
                .getSingleResult())
                .map(hits -> {
                    if (hits > 0) {
                        throw new BadUserInputException("derivedFromId",
                                "work " + source + " already derives from this work: that would make a cycle");
                    }
                    return null;
                });
    }

    private static Uni<Void> writeCreditsAndSplits(UUID workId, List<WorkRules.CreditLine> credits,
            List<WorkRules.Share> splits) {
        List<Object> rows = new ArrayList<>(creditRows(workId, credits));
        rows.addAll(splitRows(workId, splits));
        return persistAll(rows);
    }

    private static Uni<Void> persistAll(List<?> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem() : Panache.getSession().chain(s -> s.persistAll(rows.toArray()));
    }

    private static List<CreditEntity> creditRows(UUID workId, List<WorkRules.CreditLine> credits) {
        List<CreditEntity> rows = new ArrayList<>();
        for (int i = 0; i < credits.size(); i++) {
            CreditEntity row = new CreditEntity();
            row.id = UUID.randomUUID();
            row.workId = workId;
            row.position = i + 1;
            row.creatorId = credits.get(i).creatorId();
            row.role = credits.get(i).role();
            row.creditedAs = credits.get(i).creditedAs();
            rows.add(row);
        }
        return rows;
    }

    private static List<RoyaltySplitEntity> splitRows(UUID workId, List<WorkRules.Share> splits) {
        List<RoyaltySplitEntity> rows = new ArrayList<>();
        for (int i = 0; i < splits.size(); i++) {
            RoyaltySplitEntity row = new RoyaltySplitEntity();
            row.id = UUID.randomUUID();
            row.workId = workId;
            row.position = i + 1;
            row.creatorId = splits.get(i).creatorId();
            row.share = splits.get(i).share();
            rows.add(row);
        }
        return rows;
    }
}
