package dev.chorus.content.album;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ScheduleAlbumInput")
public record ScheduleAlbumInput(@Id @NonNull String id, @NonNull LocalDate releaseDate) {
}
