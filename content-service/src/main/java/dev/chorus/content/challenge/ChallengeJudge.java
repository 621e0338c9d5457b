package dev.chorus.content.challenge;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import dev.chorus.content.federation.Creator;

@Description("A judge of a challenge: a signed-in subject, and the creator they are when they are one (then "
        + "recused from entries crediting that creator).")
public record ChallengeJudge(@NonNull String subject, Creator creator, @NonNull OffsetDateTime appointedAt) {
}
