package dev.chorus.content.album;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ReleaseAlbumInput")
public record ReleaseAlbumInput(@Id @NonNull String id) {
}
