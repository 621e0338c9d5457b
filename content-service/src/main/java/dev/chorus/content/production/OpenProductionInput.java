package dev.chorus.content.production;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.chorus.common.db.Idempotency;

@Input("OpenProductionInput")
@Description("Opens a production (BRIEF) for a PUBLISHED audio work and its artist, from either a challenge's "
        + "PENDING MV_PRODUCTION award (the winning entry's work and entrant; opening fulfils it) or a programme "
        + "selection with its reason.")
public record OpenProductionInput(
        @Id @NonNull String workId,
        @Id @NonNull @Description("A creator credited on the song.") String artistId,
        @Id @Description("A PENDING award of an MV_PRODUCTION prize.") String awardId,
        @Description("Why the programme selected the song, 1 to 500 characters.") String selectionReason,
        @Description("Up to 5,000 characters.") String brief,
        @Description("When each stage is due.") List<ProductionDueInput> dueDates,
        @Description(Idempotency.KEY_DESCRIPTION) String idempotencyKey) {
}
