package dev.chorus.content.work;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Inaccessible;
import io.smallrye.graphql.api.federation.Key;

@Key(fields = @FieldSet("id"))
@Key(fields = @FieldSet("ref"))
@Description("An original, remix, cover or music video. Owned by content-service.")
public record Work(
        @Id @NonNull String id,
        @NonNull String title,
        @NonNull WorkKind kind,
        @Description("BCP 47 language tag of the lyrics, e.g. zh-Hans.") String language,
        String genre,
        @NonNull int durationSeconds,
        @Description("International Standard Recording Code, normalised: CCXXXYYNNNNN.") String isrc,
        @Description("International Standard Musical Work Code: T-123.456.789-C.") String iswc,
        @NonNull WorkStatus status,
        OffsetDateTime releasedAt,
        @Description("Bilibili video id (BV…).") String bilibiliBvid,
        @Description("QQ Music song mid.") String qqMusicSongMid,
        @NonNull OffsetDateTime createdAt,
        @NonNull OffsetDateTime updatedAt,
        @Ignore String derivedFromId,
        @Inaccessible @NonNull @Description("The key other subgraphs hold a work by: the same UUID as id, hidden from "
                + "clients, so that the gateway asks content-service, which answers null for a work the caller may "
                + "not see, even when only its id is asked.") String ref) {


    public static Work from(WorkEntity e) {
        return new Work(e.id.toString(), e.title, e.kind, e.language, e.genre, e.durationSeconds, e.isrc, e.iswc,
                e.status, e.releasedAt, e.bilibiliBvid, e.qqMusicSongMid, e.createdAt, e.updatedAt,
                e.derivedFromId == null ? null : e.derivedFromId.toString(), e.id.toString());
    }
}
