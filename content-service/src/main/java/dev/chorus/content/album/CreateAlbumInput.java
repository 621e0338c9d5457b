package dev.chorus.content.album;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.chorus.common.db.Idempotency;

@Input("CreateAlbumInput")
public record CreateAlbumInput(
        @NonNull String title,
        @NonNull AlbumKind kind,
        @DefaultValue("false") Boolean boutique,
        String upc,
        LocalDate releaseDate,
        @NonNull @Description("Creator ids of the primary artists, in order; at least one.") List<String> primaryArtistIds,
        @Description("Work ids in track order; a work at most once.") List<String> trackWorkIds,
        @Description(Idempotency.KEY_DESCRIPTION) String idempotencyKey) {
}
