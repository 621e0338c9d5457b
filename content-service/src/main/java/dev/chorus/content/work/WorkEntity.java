package dev.chorus.content.work;

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
@Table(name = "work")
public class WorkEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(columnDefinition = "text")
    public String title;
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    public WorkKind kind;
    @Column(columnDefinition = "text")
    public String language;
    @Column(columnDefinition = "text")
    public String genre;
    public int durationSeconds;
    @Column(columnDefinition = "text")
    public String isrc;
    @Column(columnDefinition = "text")
    public String iswc;
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    public WorkStatus status;
    public OffsetDateTime releasedAt;
    @Column(columnDefinition = "text")
    public String bilibiliBvid;
    @Column(columnDefinition = "text")
    public String qqMusicSongMid;
    public UUID derivedFromId;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;
}
