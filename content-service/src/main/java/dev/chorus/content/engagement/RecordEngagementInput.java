package dev.chorus.content.engagement;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("RecordEngagementInput")
public record RecordEngagementInput(
        @NonNull @Description("The day the counts happened, in the programme's time zone.") LocalDate day,
        @NonNull @Description("1 to 1000 per-work increments; increments for one work are added together.")
        List<EngagementDeltaInput> deltas,
        @Description("The batch's own id, chosen by the sender (1 to 100 of A-Z a-z 0-9 . _ : -): the same batch sent "
                + "again adds nothing and answers the first result; the same id with other deltas is CONFLICT.")
        String batchId) {
}
