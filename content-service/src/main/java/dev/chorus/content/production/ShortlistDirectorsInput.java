package dev.chorus.content.production;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ShortlistDirectorsInput")
public record ShortlistDirectorsInput(@Id @NonNull String productionId,
        @NonNull @Description("1 to 5 creators, each once.") List<@NonNull String> directorIds, String note) {
}
