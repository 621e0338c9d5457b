package dev.chorus.content.work;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.chorus.common.security.Access;
import io.smallrye.mutiny.Uni;

/**
 * Which works a caller may see: PUBLISHED ones for everybody; DRAFT and WITHDRAWN ones only for staff and the
 * creators credited on them. Royalty splits and distributions are for the same. Others' hidden works answer
 * null or NOT_FOUND, never FORBIDDEN, so their existence does not leak. This class is the rule's one home: reads
 * use it in their own session ({@link WorkQueries}), changes inside their transaction ({@link #IN_TRANSACTION}), SQL
 * lists through {@link #sql}.
 */
public final class WorkVisibility {
    private WorkVisibility() {
    }

    /** The one lookup the rule needs: which of these works credit this creator. */
    @FunctionalInterface
    public interface Credits {
        Uni<Set<UUID>> creditedAmong(UUID creator, List<UUID> works);
    }

    /** {@link Credits} inside the caller's transaction (Panache's session): for services. */
    public static final Credits IN_TRANSACTION = (creator, works) -> CreditEntity
            .<CreditEntity> list("creatorId = ?1 and workId in ?2", creator, works)
            .map(rows -> rows.stream().map(c -> c.workId).collect(Collectors.toSet()));

    /** The works the caller may see, null in place of the others (and of nulls); one lookup at most. */
    public static Uni<List<WorkEntity>> visible(Access access, List<WorkEntity> works, Credits credits) {
        List<UUID> hidden = works.stream().filter(w -> w != null && w.status != WorkStatus.PUBLISHED)
                .map(w -> w.id).toList();
        if (seesAll(access) || hidden.isEmpty()) {
            return Uni.createFrom().item(works);
        }
        return credited(access, hidden, credits).map(own -> works.stream()
                .map(w -> w == null || w.status == WorkStatus.PUBLISHED || own.contains(w.id) ? w : null).toList());
    }

    /** The ids of the works the caller may see among these. */
    public static Uni<Set<UUID>> visibleIds(Access access, List<WorkEntity> works, Credits credits) {
        return visible(access, works, credits).map(list -> {
            Set<UUID> ids = new HashSet<>();
            list.forEach(w -> {
                if (w != null) {
                    ids.add(w.id);
                }
            });
            return ids;
        });
    }

    /**
     * Of these works, those whose private fields (royalty splits, distributions) the caller may see, and that the
     * caller may change: all for staff, those crediting the caller's creator otherwise; one lookup at most.
     */
    public static Uni<Set<UUID>> withPrivateFields(Access access, List<UUID> works, Credits credits) {
        if (seesAll(access)) {
            return Uni.createFrom().item(Set.copyOf(works));
        }
        return credited(access, works, credits);
    }

    private static Uni<Set<UUID>> credited(Access access, List<UUID> works, Credits credits) {
        if (access.creatorId() == null || works.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return credits.creditedAmong(access.creatorId(), works);
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
