package dev.chorus.content.production;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A note on a cut by the artist or staff (author: the token's subject).")
public record CutFeedback(@NonNull String author, @NonNull String note, @NonNull OffsetDateTime createdAt) {
}
