package dev.chorus.content.album;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("UpdateAlbumInput")
@Description("Only a DRAFT album changes. Fields left out stay; an empty upc clears it; lists replace.")
public record UpdateAlbumInput(
        @Id @NonNull String id,
        String title,
        AlbumKind kind,
        Boolean boutique,
        String upc,
        LocalDate releaseDate,
        List<String> primaryArtistIds,
        List<String> trackWorkIds) {
}
