package dev.chorus.content.album;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;

@Key(fields = @FieldSet("id"))
@Description("An album, EP, single or compilation. Owned by content-service.")
public record Album(
        @Id @NonNull String id,
        @NonNull String title,
        @NonNull AlbumKind kind,
        @NonNull @Description("Curated and produced by the programme.") boolean boutique,
        @Description("12-digit UPC-A or 13-digit EAN.") String upc,
        LocalDate releaseDate,
        @NonNull AlbumStatus status,
        @NonNull OffsetDateTime createdAt,
        @NonNull OffsetDateTime updatedAt) {

    public static Album from(AlbumEntity e) {
        return new Album(e.id.toString(), e.title, e.kind, e.boutique, e.upc, e.releaseDate, e.status, e.createdAt,
                e.updatedAt);
    }
}
