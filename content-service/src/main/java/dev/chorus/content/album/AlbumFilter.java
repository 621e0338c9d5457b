package dev.chorus.content.album;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("AlbumFilter")
@Description("Narrows a list of albums; every given field must match.")
public record AlbumFilter(AlbumKind kind, AlbumStatus status, Boolean boutique,
        @Id @Description("Only albums naming this creator as a primary artist.") String artistId) {
}
