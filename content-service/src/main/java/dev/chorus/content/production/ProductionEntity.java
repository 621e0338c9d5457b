package dev.chorus.content.production;

import java.math.BigDecimal;
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
@Table(name = "production")
public class ProductionEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID workId;
    public UUID artistId;
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    public ProductionOrigin origin;
    public UUID awardId;
    @Column(columnDefinition = "text")
    public String selectionReason;
    @Column(columnDefinition = "text")
    public String brief;
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    public ProductionStage stage;
    public UUID directorId;
    public BigDecimal budgetAmount;
    @Column(columnDefinition = "text")
    public String budgetCurrency;
    public OffsetDateTime budgetApprovedAt;
    public UUID finalCutId;
    public UUID videoWorkId;
    @Column(columnDefinition = "text")
    public String cancelReason;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;
}
