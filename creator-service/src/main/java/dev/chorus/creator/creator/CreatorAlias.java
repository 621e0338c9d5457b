package dev.chorus.creator.creator;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;


@Description("Another name of a creator in one locale, e.g. the zh-Hans and en names.")
public record CreatorAlias(
        @NonNull String name,
        @NonNull @Description("BCP 47 language tag, e.g. zh-Hans, en, ja.") String locale,
        @NonNull @Description("The name to show for this locale; at most one per locale.") boolean primary) {

    static CreatorAlias from(AliasEntity e) {
        return new CreatorAlias(e.name, e.locale, e.primary);
    }
}
