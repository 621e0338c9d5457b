package dev.chorus.content.challenge;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("UpdateChallengeInput")
@Description("What is left out stays. The schedule, the terms and the time zone can change only while the challenge "
        + "is a DRAFT (CONFLICT after it is announced); title, description and topic tag until it is cancelled.")
public record UpdateChallengeInput(
        @Id @NonNull String id,
        String title,
        String description,
        String topicTag,
        String timeZone,
        ChallengeScheduleInput schedule,
        ChallengeTermsInput terms) {
}
