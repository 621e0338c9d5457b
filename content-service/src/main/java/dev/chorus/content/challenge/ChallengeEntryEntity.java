package dev.chorus.content.challenge;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "challenge_entry")
public class ChallengeEntryEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID challengeId;
    public UUID workId;
    public UUID creatorId;
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    public ChallengeEntryStatus status;
    @Column(columnDefinition = "text")
    public String disqualifiedReason;
    public OffsetDateTime submittedAt;
    public OffsetDateTime updatedAt;
}
