package dev.chorus.content.work;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("WorkFilter")
@Description("Narrows a list of works; every field given must match.")
public record WorkFilter(WorkKind kind, WorkStatus status, String genre,
        @Description("Case-insensitive substring of the title.") String search) {
}
