package dev.chorus.content.challenge;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.chorus.common.db.Idempotency;
import dev.chorus.content.work.WorkKind;

@Input("CreateChallengeInput")
public record CreateChallengeInput(
        @NonNull String title,
        String description,
        @NonNull @Description("The kind of work an entry must be.") WorkKind entryKind,
        @NonNull ChallengeHost host,
        @Description("E.g. #晚风告白Remix: a # and 1 to 50 letters, digits or _.") String topicTag,
        @Id @Description("The PUBLISHED audio work to remix or cover: required for REMIX and COVER, optional for "
                + "MUSIC_VIDEO, none for ORIGINAL.") String sourceWorkId,
        @NonNull @Description("An IANA time zone, e.g. Asia/Shanghai.") String timeZone,
        @NonNull ChallengeScheduleInput schedule,
        ChallengeTermsInput terms,
        @Description(Idempotency.KEY_DESCRIPTION) String idempotencyKey) {
}
