package dev.chorus.creator.api;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Description;

import dev.chorus.creator.CreatorStatus;
import dev.chorus.creator.Tier;

@Description("Narrows `creators`; every field given must match.")
@Input("CreatorFilter")
public record CreatorFilter(
        @Description("Creators tagged with this genre (case-insensitive).") String genre,
        Tier tier,
        Boolean verified,
        @Description("ISO 3166-1 alpha-2 region code.") String region,
        CreatorStatus status,
        @Description("Case-insensitive substring of the display name, handle or an alias; works for Chinese names.")
        String search) {
}
