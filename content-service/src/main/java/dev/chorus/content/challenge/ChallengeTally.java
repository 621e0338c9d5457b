package dev.chorus.content.challenge;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

@Description("An ACTIVE entry's public votes.")
public record ChallengeTally(@Id @NonNull String entryId, @NonNull Integer votes) {
}
