package dev.chorus.content.work;

import java.math.BigDecimal;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("RoyaltySplitInput")
public record RoyaltySplitInput(@Id @NonNull String creatorId, @NonNull BigDecimal share) {
}
