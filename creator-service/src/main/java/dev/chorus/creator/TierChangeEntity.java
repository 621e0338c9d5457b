package dev.chorus.creator;

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
@Table(name = "tier_change")
public class TierChangeEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "creator_id")
    public UUID creatorId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_tier", columnDefinition = "text")
    public Tier fromTier;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_tier", columnDefinition = "text")
    public Tier toTier;
    @Column(columnDefinition = "text")
    public String reason;
    @Column(name = "changed_at")
    public OffsetDateTime changedAt;
}
