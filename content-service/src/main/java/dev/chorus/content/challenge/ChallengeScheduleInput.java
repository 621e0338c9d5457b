package dev.chorus.content.challenge;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ChallengeScheduleInput")
public record ChallengeScheduleInput(
        @NonNull OffsetDateTime announceAt,
        @NonNull OffsetDateTime submissionsOpenAt,
        @NonNull OffsetDateTime submissionsCloseAt,
        @NonNull OffsetDateTime votingCloseAt,
        @NonNull OffsetDateTime resultsAt) {
}
