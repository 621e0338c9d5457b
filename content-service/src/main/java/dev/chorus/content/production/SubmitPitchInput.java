package dev.chorus.content.production;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("SubmitPitchInput")
public record SubmitPitchInput(@Id @NonNull String productionId,
        @NonNull @Description("1 to 120 characters.") String title,
        @NonNull @Description("1 to 10,000 characters.") String treatment,
        @Id @Description("Staff pitching for a shortlisted director; a director pitches as themselves.")
        String directorId) {
}
