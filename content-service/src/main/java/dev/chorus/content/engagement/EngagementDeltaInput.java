package dev.chorus.content.engagement;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("EngagementDeltaInput")
public record EngagementDeltaInput(@Id @NonNull String workId, @DefaultValue("0") Integer plays,
        @DefaultValue("0") Integer likes, @DefaultValue("0") Integer coins, @DefaultValue("0") Integer favorites,
        @DefaultValue("0") Integer shares, @DefaultValue("0") Integer comments, @DefaultValue("0") Integer danmaku) {
}
