package dev.chorus.content.work;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.chorus.common.db.Idempotency;

@Input("CreateWorkInput")
public record CreateWorkInput(
        @NonNull String title,
        @NonNull WorkKind kind,
        String language,
        String genre,
        @NonNull Integer durationSeconds,
        String isrc,
        String iswc,
        @Id @Description("Required for REMIX, COVER (the source work) and MUSIC_VIDEO (the audio work).") String derivedFromId,
        String bilibiliBvid,
        String qqMusicSongMid,
        @Description("In order; at least one.") List<CreditInput> credits,
        @Description("Shares totalling exactly 100, or none.") List<RoyaltySplitInput> royaltySplits,
        @Description(Idempotency.KEY_DESCRIPTION) String idempotencyKey) {
}
