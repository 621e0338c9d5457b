package dev.chorus.content.work;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import dev.chorus.content.federation.Creator;

@Description("One credit line of a work: who did what, and under which name.")
public record Credit(
        @NonNull @Description("1-based position in the work's credits.") int position,
        @Description("Null when the caller may not see the creator (a suspended one).") Creator creator,
        @NonNull CreditRole role,
        @Description("The name printed in the credits, when not the creator's display name.") String creditedAs,
        @Ignore String workId) {

    public static Credit from(CreditEntity e) {
        return new Credit(e.position, new Creator(e.creatorId.toString()), e.role, e.creditedAs, e.workId.toString());
    }
}
