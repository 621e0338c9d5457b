package dev.chorus.content.distribution;

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
@Table(name = "distribution")
public class DistributionEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID workId;
    public UUID albumId;
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    public Platform platform;
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    public DistributionStatus status;
    @Column(columnDefinition = "text")
    public String externalId;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;
}
