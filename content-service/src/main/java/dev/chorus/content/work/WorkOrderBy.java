package dev.chorus.content.work;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("WorkOrderBy")
@Description("How a list of works is ordered (default: NEWEST). Ties are broken by id, so a page never repeats or "
        + "skips a work whose sort value did not change; a cursor belongs to the ordering that gave it.")
public record WorkOrderBy(@NonNull WorkOrderField field,
        @Description("MOST_PLAYED only: count plays from this day (inclusive, programme days, Asia/Shanghai); "
                + "give `to` too, or neither for all time.") LocalDate from,
        @Description("MOST_PLAYED only: count plays up to this day (inclusive).") LocalDate to) {
}
