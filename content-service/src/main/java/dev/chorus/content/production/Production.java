package dev.chorus.content.production;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import dev.chorus.content.federation.Creator;

@Description("A music video made for a creator's song, from brief to release. Anyone sees a RELEASED production's "
        + "song, artist, director and video; the rest is for staff and those taking part (null for others).")
public record Production(
        @Id @NonNull String id,
        @NonNull @Description("The creator the video is made for, credited on the song.") Creator artist,
        @Description("The director, once a pitch is approved.") Creator director,
        @NonNull ProductionStage stage,
        @Description("Taking part only.") ProductionOrigin origin,
        @Description("Why the programme selected the song (PROGRAMME_SELECTION); taking part only.") String selectionReason,
        @Description("Taking part only.") String brief,
        @Description("The approved budget; staff, the artist and the director only.") ProductionBudget budget,
        @Description("Why staff cancelled it, once CANCELLED; taking part only.") String cancelReason,
        @NonNull OffsetDateTime createdAt,
        @NonNull OffsetDateTime updatedAt,
        @Ignore String workId,
        @Ignore String videoWorkId,
        @Ignore String finalCutId,
        @Ignore ProductionAccess access) {

    public static Production from(ProductionQueries.View view) {
        return from(view.production(), view.access());
    }

    static Production from(ProductionEntity p, ProductionAccess access) {
        boolean part = access.takesPart();
        boolean crew = access.crew();
        return new Production(p.id.toString(), new Creator(p.artistId.toString()),
                p.directorId == null ? null : new Creator(p.directorId.toString()), p.stage, part ? p.origin : null,
                part ? p.selectionReason : null, part ? p.brief : null,
                crew && p.budgetAmount != null ? new ProductionBudget(p.budgetAmount, p.budgetCurrency,
                        p.budgetApprovedAt) : null,
                part ? p.cancelReason : null, p.createdAt, p.updatedAt, p.workId.toString(),
                p.videoWorkId == null ? null : p.videoWorkId.toString(),
                crew && p.finalCutId != null ? p.finalCutId.toString() : null, access);
    }
}
