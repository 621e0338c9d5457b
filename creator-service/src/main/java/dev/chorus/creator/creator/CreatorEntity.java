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
    @Column(name = "display_name", columnDefinition = "text")
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
    @Column(name = "suspended_at")
    public OffsetDateTime suspendedAt;
    @Column(name = "suspension_reason", columnDefinition = "text")
    public String suspensionReason;
    public boolean verified;
    @Column(name = "verified_at")
    public OffsetDateTime verifiedAt;
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    public Tier tier;
    @Column(name = "joined_at")
    public OffsetDateTime joinedAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "search_text", columnDefinition = "text")
    public String searchText;
}
