package dev.chorus.creator.creator;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One change of a creator's tier; the first is the tier given at registration. */
@Entity
@Table(name = "tier_change")
public class TierChangeEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID creatorId;
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    public Tier fromTier;
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    public Tier toTier;
    @Column(columnDefinition = "text")
    public String reason;
    public OffsetDateTime changedAt;

    public static TierChangeEntity of(UUID creatorId, Tier from, Tier to, String reason, OffsetDateTime at) {
        TierChangeEntity change = new TierChangeEntity();
        change.id = UUID.randomUUID();
        change.creatorId = creatorId;
        change.fromTier = from;
        change.toTier = to;
        change.reason = reason;
        change.changedAt = at;
        return change;
    }
}
