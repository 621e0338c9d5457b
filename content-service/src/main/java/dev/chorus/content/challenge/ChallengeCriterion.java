package dev.chorus.content.challenge;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A jury criterion: a judge scores each entry on it from 0 to maxScore; weight is its share of the "
        + "jury score.")
public record ChallengeCriterion(@Id @NonNull String id, @NonNull String name, @NonNull Integer weight,
        @NonNull Integer maxScore) {
}
