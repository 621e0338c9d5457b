package dev.chorus.content.work;

import java.math.BigDecimal;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import dev.chorus.content.federation.Creator;

@Description("A creator's share of a work's royalties; the shares of a work total exactly 100.")
public record RoyaltySplit(@Description("Null when the caller may not see the creator (a suspended one).") Creator creator, @NonNull @Description("Percent, up to two decimals.") BigDecimal share) {

    static RoyaltySplit from(RoyaltySplitEntity e) {
        return new RoyaltySplit(new Creator(e.creatorId.toString()), e.share);
    }
}
