package dev.chorus.creator.creator;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("AliasInput")
public record AliasInput(@NonNull String name, @NonNull String locale, @DefaultValue("false") Boolean primary) {
}
