package dev.chorus.content.challenge;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ChallengeCriterionInput")
public record ChallengeCriterionInput(@NonNull String name, @NonNull @Description("1 to 100.") Integer weight,
        @NonNull @Description("1 to 100.") Integer maxScore) {
}
