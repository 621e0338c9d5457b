package dev.chorus.content.album;

import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

public record Track(@NonNull int position, @Ignore String workId) {

    static Track from(AlbumTrackEntity e) {
        return new Track(e.position, e.workId.toString());
    }
}
