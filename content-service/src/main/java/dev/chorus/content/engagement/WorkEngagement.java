package dev.chorus.content.engagement;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A work's engagement at one moment: what workEngagement sends first and after changes.")
public record WorkEngagement(
        @NonNull @Description("Over all days, as Work.engagement.") Counts totals,
        @NonNull @Description("Grows with each batch that adds to this work's counts; never goes backwards.") Long version,
        @Ignore String workId) {
}
