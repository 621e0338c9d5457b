package dev.chorus.content.album;

import org.eclipse.microprofile.graphql.Description;

@Description("The format of an album.")
public enum AlbumKind {
    ALBUM, EP, SINGLE, COMPILATION
}
