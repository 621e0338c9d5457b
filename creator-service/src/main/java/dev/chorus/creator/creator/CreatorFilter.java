package dev.chorus.creator.creator;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;


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
