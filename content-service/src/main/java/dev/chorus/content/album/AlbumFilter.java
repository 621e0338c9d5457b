package dev.chorus.content.album;

import org.eclipse.microprofile.graphql.Input;

@Input("AlbumFilter")
public record AlbumFilter(AlbumKind kind, AlbumStatus status, Boolean boutique) {
}
