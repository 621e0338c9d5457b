package dev.chorus.content.production;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import dev.chorus.content.federation.Creator;

@Description("A director on a production's shortlist, with their pitch once submitted.")
public record ShortlistedDirector(@NonNull Creator director, @NonNull OffsetDateTime shortlistedAt,
        ProductionPitch pitch) {
}
