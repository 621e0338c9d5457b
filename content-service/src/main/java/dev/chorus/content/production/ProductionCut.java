package dev.chorus.content.production;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A cut of the video while EDITING, numbered from 1.")
public record ProductionCut(@Id @NonNull String id, @NonNull Integer version, @NonNull String url,
        @NonNull OffsetDateTime addedAt) {
}
