package dev.chorus.content.engagement;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("The programme's figures over a period of days (inclusive).")
public record ProgrammeStatistics(
        @NonNull LocalDate from,
        @NonNull LocalDate to,
        @NonNull @Description("ORIGINAL works released in the period, per month (months without any are listed with 0).")
        List<@NonNull MonthCount> originalWorksPublishedByMonth,
        @NonNull @Description("Engagement summed over every work and day of the period.") Counts engagement) {
}
