package dev.chorus.content.challenge;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("AppointChallengeJudgeInput")
public record AppointChallengeJudgeInput(@Id @NonNull String challengeId,
        @NonNull @Description("The judge's token subject (sub).") String subject,
        @Id @Description("The creator the judge is, if any: they are recused from entries crediting them.")
        String creatorId) {
}
