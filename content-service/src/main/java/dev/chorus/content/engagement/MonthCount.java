package dev.chorus.content.engagement;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

public record MonthCount(@NonNull @Description("yyyy-MM, in the programme's time zone (Asia/Shanghai).") String month,
        @NonNull int count) {
}
