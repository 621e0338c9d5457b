package dev.chorus.creator.creator;

import java.util.Map;

import dev.chorus.common.security.Access;

/**
 * Which creators a caller may look up: ACTIVE ones for everybody, a SUSPENDED one only for staff and the creator
 * itself. Its private fields (suspension, tier history) are for the same two.
 */
public final class CreatorVisibility {
    private CreatorVisibility() {
    }

    public static boolean sees(Access access, CreatorEntity creator) {
        return creator != null && (creator.status == CreatorStatus.ACTIVE || access.staffOr(creator.id));
    }

    /** The private fields: the suspension and the tier history. */
    public static boolean seesPrivate(Access access, CreatorEntity creator) {
        return access.staffOr(creator.id);
    }

    /** The same rule as an HQL condition on alias {@code c}, adding its parameters. */
    static String where(Access access, Map<String, Object> params) {
        if (access.staff()) {
            return "";
        }
        params.put("active", CreatorStatus.ACTIVE);
        if (access.creatorId() == null) {
            return " and c.status = :active";
        }
        params.put("me", access.creatorId());
        return " and (c.status = :active or c.id = :me)";
    }
}
