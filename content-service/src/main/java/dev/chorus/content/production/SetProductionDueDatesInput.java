package dev.chorus.content.production;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("SetProductionDueDatesInput")
@Description("Replaces the due dates, until the production is released or cancelled.")
public record SetProductionDueDatesInput(@Id @NonNull String productionId,
        @NonNull List<@NonNull ProductionDueInput> dueDates) {
}
