package dev.chorus.content.work;

import java.util.Map;

import dev.chorus.common.security.Access;

/**
 * Which works a caller may see: PUBLISHED ones for everybody; DRAFT and WITHDRAWN ones only for staff and the
 * creators credited on them. Royalty splits and distributions are for the same. Others' hidden works answer
 * null or NOT_FOUND, never FORBIDDEN, so their existence does not leak.
 */
public final class WorkVisibility {
    private WorkVisibility() {
    }

    public static boolean seesAll(Access access) {
        return access.staff();
    }

    /** The rule as a SQL condition on table alias {@code w}, adding its parameters; empty for staff. */
    public static String sql(Access access, Map<String, Object> params) {
        if (access.staff()) {
            return "";
        }
        if (access.creatorId() == null) {
            return " and w.status = 'PUBLISHED'";
        }
        params.put("viewer", access.creatorId());
        return " and (w.status = 'PUBLISHED' or exists (select 1 from work_credit vc where vc.work_id = w.id "
                + "and vc.creator_id = :viewer))";
    }
}
