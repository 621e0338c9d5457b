package dev.chorus.creator.creator;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "creator")
public class CreatorEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(columnDefinition = "text")
    public String handle;
    @Column(columnDefinition = "text")
    public String displayName;
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    public CreatorKind kind;
    @Column(columnDefinition = "text")
    public String bio;
    @Column(columnDefinition = "text")
    public String region;
    @Column(columnDefinition = "_text")
    public List<String> genres;
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    public CreatorStatus status;
    public OffsetDateTime suspendedAt;
    @Column(columnDefinition = "text")
    public String suspensionReason;
    public boolean verified;
    public OffsetDateTime verifiedAt;
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    public Tier tier;
    public OffsetDateTime joinedAt;
    public OffsetDateTime updatedAt;
    @Column(columnDefinition = "text")
    public String searchText;
}
