package dev.chorus.content.challenge;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import dev.chorus.common.error.NotFoundException;
import dev.chorus.content.work.WorkKind;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

@Entity
@Table(name = "challenge")
public class ChallengeEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(columnDefinition = "text")
    public String title;
    @Column(columnDefinition = "text")
    public String description;
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    public WorkKind entryKind;
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    public ChallengeHost host;
    @Column(columnDefinition = "text")
    public String topicTag;
    public UUID sourceWorkId;
    @Column(columnDefinition = "text")
    public String timeZone;
    public OffsetDateTime announceAt;
    public OffsetDateTime submissionsOpenAt;
    public OffsetDateTime submissionsCloseAt;
    public OffsetDateTime votingCloseAt;
    public OffsetDateTime resultsAt;
    public int entriesPerCreator;
    public Integer minDurationSeconds;
    public Integer maxDurationSeconds;
    public int voteWeight;
    public int juryWeight;
    public int engagementWeight;
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    public ChallengeState state;
    @Column(columnDefinition = "text")
    public String cancelReason;
    public OffsetDateTime announcedAt;
    public OffsetDateTime publishedAt;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;

    /** The phase at {@code now}: each phase begins at its instant, inclusive. */
    public ChallengePhase phase(OffsetDateTime now) {
        return switch (state) {
            case DRAFT -> ChallengePhase.DRAFT;
            case CANCELLED -> ChallengePhase.CANCELLED;
            case PUBLISHED -> ChallengePhase.RESULTS;
            case ANNOUNCED -> now.isBefore(submissionsOpenAt) ? ChallengePhase.ANNOUNCED
                    : now.isBefore(submissionsCloseAt) ? ChallengePhase.OPEN
                    : now.isBefore(votingCloseAt) ? ChallengePhase.VOTING
                    : ChallengePhase.JUDGING;
        };
    }

    /** Seen by anyone once announced and its announce instant has come; staff see drafts too. */
    public boolean isPublic(OffsetDateTime now) {
        return state != ChallengeState.DRAFT && !now.isBefore(announceAt);
    }

    /** The challenge, locked for this transaction (staff's changes); NOT_FOUND naming {@code field} when none. */
    static Uni<ChallengeEntity> locked(UUID id, String field) {
        return ChallengeEntity.<ChallengeEntity> findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> new NotFoundException(field, "no challenge with id " + id));
    }
}
