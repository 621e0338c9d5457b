package dev.chorus.content.work;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("UpdateWorkInput")
@Description("Fields left out (null) stay as they are; an empty text clears an optional one; lists replace.")
public record UpdateWorkInput(
        @Id @NonNull String id,
        String title,
        String language,
        String genre,
        Integer durationSeconds,
        String isrc,
        String iswc,
        @Id String derivedFromId,
        String bilibiliBvid,
        String qqMusicSongMid,
        List<CreditInput> credits,
        List<RoyaltySplitInput> royaltySplits) {
}
