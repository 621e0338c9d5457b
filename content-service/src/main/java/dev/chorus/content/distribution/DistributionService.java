package dev.chorus.content.distribution;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.chorus.common.db.Idempotency;
import dev.chorus.common.db.UniqueViolations;
import dev.chorus.common.error.ConflictException;
import dev.chorus.common.error.NotFoundException;
import dev.chorus.common.input.Inputs;
import dev.chorus.common.security.Access;
import dev.chorus.common.time.Times;
import dev.chorus.content.album.AlbumEntity;
import dev.chorus.content.album.AlbumStatus;
import dev.chorus.content.work.WorkEntity;
import dev.chorus.content.work.WorkStatus;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Distribution records: one per work or album and platform; PENDING to LIVE to TAKEN_DOWN, nothing else. */
@ApplicationScoped
public class DistributionService {

    @WithTransaction
    public Uni<DistributionEntity> distribute(Access access, DistributeInput input) {
        access.requireStaff();
        Idempotency.Key key = Idempotency.key("idempotencyKey", input.idempotencyKey());
        DistributionRules.requireOneTarget(input.workId(), input.albumId());
        UUID workId = input.workId() == null ? null : Inputs.id("workId", input.workId());
        UUID albumId = input.albumId() == null ? null : Inputs.id("albumId", input.albumId());
        DistributionEntity distribution = new DistributionEntity();
        distribution.id = UUID.randomUUID();
        distribution.workId = workId;
        distribution.albumId = albumId;
        distribution.platform = input.platform();
        distribution.status = DistributionStatus.PENDING;
        distribution.createdAt = Times.now();
        distribution.updatedAt = distribution.createdAt;
        // built inside the transaction: Panache reads need its session
        java.util.function.Supplier<Uni<Void>> target = () -> workId != null
                ? WorkEntity.<WorkEntity> findById(workId).map(work -> {
                    if (work == null) throw new NotFoundException("workId", "no work with id " + workId);
                    if (work.status != WorkStatus.PUBLISHED) {
                        throw new ConflictException("workId", "only a PUBLISHED work is distributed; this one is " + work.status);
                    }
                    return null;
                })
                : AlbumEntity.<AlbumEntity> findById(albumId).map(album -> {
                    if (album == null) throw new NotFoundException("albumId", "no album with id " + albumId);
                    if (album.status == AlbumStatus.DRAFT) {
                        throw new ConflictException("albumId", "a DRAFT album is not distributed; schedule or release it first");
                    }
                    return null;
                });
        ConflictException twice = new ConflictException("platform",
                "it already has a distribution on " + input.platform());
        return Idempotency.once("distribute", access, key, input,
                () -> target.get().chain(() -> distribution.persistAndFlush()).replaceWith(distribution),
                d -> d.id.toString(), id -> DistributionEntity.<DistributionEntity> findById(UUID.fromString(id)))
                .onFailure().transform(UniqueViolations.mapping(Map.of(
                        "distribution_work_key", () -> twice, "distribution_album_key", () -> twice)));
    }

    @WithTransaction
    public Uni<DistributionEntity> markLive(Access access, MarkDistributionLiveInput input) {
        access.requireStaff();
        UUID id = Inputs.id("id", input.id());
        String externalId = DistributionRules.externalId(input.externalId());
        return locked(id).map(d -> {
            if (d.status != DistributionStatus.PENDING) {
                throw new ConflictException("id", "a " + d.status + " distribution cannot go LIVE");
            }
            d.status = DistributionStatus.LIVE;
            d.externalId = externalId;
            d.updatedAt = Times.now();
            return d;
        });
    }

    @WithTransaction
    public Uni<DistributionEntity> takeDown(Access access, DistributionIdInput input) {
        access.requireStaff();
        UUID id = Inputs.id("id", input.id());
        return locked(id).map(d -> {
            if (d.status != DistributionStatus.LIVE) {
                throw new ConflictException("id", "only a LIVE distribution can be taken down; this one is " + d.status);
            }
            d.status = DistributionStatus.TAKEN_DOWN;
            d.updatedAt = Times.now();
            return d;
        });
    }

    private static Uni<DistributionEntity> locked(UUID id) {
        return DistributionEntity.<DistributionEntity> findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> new NotFoundException("id", "no distribution with id " + id));
    }
}
