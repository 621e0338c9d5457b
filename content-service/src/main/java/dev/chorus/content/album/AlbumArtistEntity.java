package dev.chorus.content.album;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "album_artist")
public class AlbumArtistEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID albumId;
    public int position;
    public UUID creatorId;
}
