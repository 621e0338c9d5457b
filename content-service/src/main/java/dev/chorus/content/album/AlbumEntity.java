package dev.chorus.content.album;

import java.time.LocalDate;
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
@Table(name = "album")
public class AlbumEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(columnDefinition = "text")
    public String title;
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    public AlbumKind kind;
    public boolean boutique;
    @Column(columnDefinition = "text")
    public String upc;
    public LocalDate releaseDate;
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    public AlbumStatus status;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;
}
