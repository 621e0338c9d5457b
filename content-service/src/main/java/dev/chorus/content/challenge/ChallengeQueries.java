package dev.chorus.content.challenge;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.chorus.common.db.Columns;
import dev.chorus.common.db.NestedPages;
import dev.chorus.common.db.Reads;
import dev.chorus.common.graphql.Batches;
import dev.chorus.common.relay.Cursor;
import dev.chorus.common.relay.PageRequest;
import dev.chorus.common.relay.Slice;
import dev.chorus.common.security.Access;
import dev.chorus.common.time.Times;
import dev.chorus.content.work.WorkVisibility;
import io.smallrye.mutiny.Uni;

/**
 * Reads of challenges, entries and votes, each in a session of its own. Who sees what (one home for each rule):
 * a challenge is public once announced and its announce instant has come, staff see drafts too
 * ({@link #CHALLENGE_VISIBLE}); an entry is seen by everybody when ACTIVE, on a work the caller may see, in a
 * challenge the caller may see, and by its entrant and staff whatever its status ({@link #entryVisible}); vote
 * tallies are for staff until the results are published ({@link #TALLY_VISIBLE}).
 */
@ApplicationScoped
public class ChallengeQueries {
    /** A challenge the caller may see, on table alias {@code c}: for anyone but staff. */
    static final String CHALLENGE_VISIBLE = " and c.state <> 'DRAFT' and c.announce_at <= :now";
    /** Tallies and results are public once published (alias {@code c}). */
    static final String TALLY_VISIBLE = "c.state = 'PUBLISHED'";

    private final Reads reads;
    private final NestedPages nested;

    public ChallengeQueries(Reads reads, NestedPages nested) {
        this.reads = reads;
        this.nested = nested;
    }

    static boolean visible(Access access, ChallengeEntity challenge, OffsetDateTime now) {
        return challenge != null && (access.staff() || challenge.isPublic(now));
    }

    public Uni<ChallengeEntity> byId(Access access, UUID id) {
        OffsetDateTime now = Times.now();
        return reads.read(s -> s.find(ChallengeEntity.class, id)).map(c -> visible(access, c, now) ? c : null);
    }

    /** The challenges with these ids the caller may see, in the order asked, null for the others. */
    public Uni<List<ChallengeEntity>> byIds(Access access, List<UUID> ids) {
        OffsetDateTime now = Times.now();
        return reads.byIds(ChallengeEntity.class, ids, c -> c.id)
                .map(rows -> rows.stream().map(c -> visible(access, c, now) ? c : null).toList());
    }

    /** One page of the challenges the caller may see, the latest to open first. */
    public Uni<Slice<ChallengeEntity>> search(Access access, ChallengeFilter filter, PageRequest<Cursor.TimeAndId> page,
            boolean withTotal) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder("where true");
        if (!access.staff()) {
            where.append(CHALLENGE_VISIBLE);
        }
        if (filter != null && filter.phase() != null) {
            where.append(" and ").append(phaseSql(filter.phase()));
        }
        if (filter != null && filter.host() != null) {
            where.append(" and c.host = :host");
            params.put("host", filter.host().name());
        }
        if (filter != null && filter.entryKind() != null) {
            where.append(" and c.entry_kind = :kind");
            params.put("kind", filter.entryKind().name());
        }
        if (where.indexOf(":now") >= 0) { // staff without a phase that depends on the clock do not bind it
            params.put("now", Times.now());
        }
        Map<String, Object> pageParams = new LinkedHashMap<>(params);
        String keyset = "";
        if (page.hasAfter()) {
            keyset = " and (c.submissions_open_at < :afterTime or (c.submissions_open_at = :afterTime and c.id < :afterId))";
            pageParams.put("afterTime", page.after().time());
            pageParams.put("afterId", page.after().id());
        }
        String sql = Columns.select(ChallengeEntity.class, "c") + " " + where + keyset
                + " order by c.submissions_open_at desc, c.id desc limit " + page.fetchSize();
        return reads.page(sql, pageParams, ChallengeEntity.class, withTotal, "select count(*) from challenge c " + where,
                params);
    }

    /** The phase as a condition on alias {@code c} at {@code :now}, the same as {@link ChallengeEntity#phase}. */
    static String phaseSql(ChallengePhase phase) {
        return switch (phase) {
            case DRAFT -> "c.state = 'DRAFT'";
            case CANCELLED -> "c.state = 'CANCELLED'";
            case RESULTS -> "c.state = 'PUBLISHED'";
            case ANNOUNCED -> "c.state = 'ANNOUNCED' and :now < c.submissions_open_at";
            case OPEN -> "c.state = 'ANNOUNCED' and :now >= c.submissions_open_at and :now < c.submissions_close_at";
            case VOTING -> "c.state = 'ANNOUNCED' and :now >= c.submissions_close_at and :now < c.voting_close_at";
            case JUDGING -> "c.state = 'ANNOUNCED' and :now >= c.voting_close_at";
        };
    }

    /**
     * The entries the caller may see, as a condition on aliases {@code e} (entry), {@code c} (its challenge) and
     * {@code w} (its work), adding its parameters.
     */
    static String entryVisible(Access access, Map<String, Object> params) {
        if (access.staff()) {
            return "";
        }
        params.put("now", Times.now());
        String own = access.creatorId() == null ? "" : " or e.creator_id = :entrant";
        if (access.creatorId() != null) {
            params.put("entrant", access.creatorId());
        }
        return CHALLENGE_VISIBLE + " and (e.status = 'ACTIVE'" + WorkVisibility.sql(access, params) + own + ")";
    }

    /** For each challenge, one page of its entries the caller may see, the earliest submitted first. */
    public Uni<Map<UUID, Slice<ChallengeEntryEntity>>> entriesOfChallenges(Access access, List<UUID> challenges,
            ChallengeEntryStatus status, PageRequest<Cursor.TimeAndId> page, boolean withTotal) {
        return entryPages(access, "challenge_id", challenges, status, page, withTotal, "e.submitted_at, e.id",
                " and (e.submitted_at > :afterTime or (e.submitted_at = :afterTime and e.id > :afterId))",
                e -> e.challengeId);
    }

    /** For each creator, one page of their entries the caller may see, the latest submitted first. */
    public Uni<Map<UUID, Slice<ChallengeEntryEntity>>> entriesOfCreators(Access access, List<UUID> creators,
            PageRequest<Cursor.TimeAndId> page, boolean withTotal) {
        return entryPages(access, "creator_id", creators, null, page, withTotal, "e.submitted_at desc, e.id desc",
                " and (e.submitted_at < :afterTime or (e.submitted_at = :afterTime and e.id < :afterId))",
                e -> e.creatorId);
    }

    private Uni<Map<UUID, Slice<ChallengeEntryEntity>>> entryPages(Access access, String parent, List<UUID> parents,
            ChallengeEntryStatus status, PageRequest<Cursor.TimeAndId> page, boolean withTotal, String order,
            String keyset, java.util.function.Function<ChallengeEntryEntity, UUID> parentOf) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ids", Reads.array(NestedPages.parents(parents)));
        String where = "where e." + parent + " = any(:ids)" + entryVisible(access, params)
                + (status == null ? "" : " and e.status = '" + status.name() + "'");
        String from = " from challenge_entry e join challenge c on c.id = e.challenge_id join work w on w.id = e.work_id ";
        Map<String, Object> pageParams = new LinkedHashMap<>(params);
        String after = "";
        if (page.hasAfter()) {
            after = keyset;
            pageParams.put("afterTime", page.after().time());
            pageParams.put("afterId", page.after().id());
        }
        String sql = Columns.select(ChallengeEntryEntity.class, "x")
                + " join (select e.id, row_number() over (partition by e." + parent
                + " order by " + order + ") as rn" + from + where + after + ") r on r.id = x.id where r.rn <= "
                + page.fetchSize() + " order by x." + parent + ", r.rn";
        return nested.slices(NestedPages.parents(parents),
                nested.byRows(sql, pageParams, ChallengeEntryEntity.class, parentOf), withTotal,
                "select e." + parent + ", count(*)" + from + where + " group by e." + parent, params);
    }

    /** For each work, its entries the caller may see (a work enters few challenges), the earliest first. */
    public Uni<Map<UUID, List<ChallengeEntryEntity>>> entriesOfWorks(Access access, List<UUID> works) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ids", Reads.array(NestedPages.parents(works)));
        String sql = Columns.select(ChallengeEntryEntity.class, "e")
                + " join challenge c on c.id = e.challenge_id join work w on w.id = e.work_id"
                + " where e.work_id = any(:ids)" + entryVisible(access, params)
                + " order by e.work_id, e.submitted_at, e.id";
        return nested.byRows(sql, params, ChallengeEntryEntity.class, e -> e.workId);
    }

    /** The entries with these ids the caller may see, in the order asked, null for the others; one statement. */
    public Uni<List<ChallengeEntryEntity>> entriesByIds(Access access, List<UUID> ids) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ids", Reads.array(NestedPages.parents(ids)));
        String sql = Columns.select(ChallengeEntryEntity.class, "e")
                + " join challenge c on c.id = e.challenge_id join work w on w.id = e.work_id"
                + " where e.id = any(:ids)" + entryVisible(access, params);
        return reads.read(s -> NestedPages.bind(s.createNativeQuery(sql, ChallengeEntryEntity.class), params)
                .getResultList()).map(rows -> {
                    Map<UUID, ChallengeEntryEntity> byId = new HashMap<>();
                    rows.forEach(e -> byId.put(e.id, e));
                    return ids.stream().map(id -> id == null ? null : byId.get(id)).toList();
                });
    }

    /**
     * The vote counts of these entries, for those whose tallies the caller may see (staff; everyone once the
     * results are published); the others are absent.
     */
    public Uni<Map<UUID, Integer>> tallies(Access access, List<UUID> entries) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ids", Reads.array(NestedPages.parents(entries)));
        String sql = "select e.id, (select count(*) from challenge_vote v where v.entry_id = e.id) from challenge_entry e "
                + "join challenge c on c.id = e.challenge_id where e.id = any(:ids)"
                + (access.staff() ? "" : " and " + TALLY_VISIBLE);
        return reads.read(s -> NestedPages.bind(s.createNativeQuery(sql, Object[].class), params).getResultList())
                .map(rows -> {
                    Map<UUID, Integer> counts = new HashMap<>();
                    rows.forEach(r -> counts.put((UUID) r[0], ((Number) r[1]).intValue()));
                    return counts;
                });
    }

    /** An entry whatever its status or who asks (for the activity feed, which applies the rules itself). */
    Uni<ChallengeEntryEntity> entryById(UUID id) {
        return reads.read(s -> s.find(ChallengeEntryEntity.class, id));
    }

    /**
     * Every ACTIVE entry's votes in this challenge, most first, when the caller may see its tallies (staff; everyone
     * once published, as {@link #TALLY_VISIBLE}); null otherwise.
     */
    Uni<List<ChallengeTally>> talliesOf(Access access, UUID challenge) {
        String sql = "select e.id, count(v.voter) from challenge_entry e join challenge c on c.id = e.challenge_id "
                + "left join challenge_vote v on v.entry_id = e.id where e.challenge_id = :id and e.status = 'ACTIVE'"
                + (access.staff() ? "" : " and " + TALLY_VISIBLE)
                + " group by e.id order by count(v.voter) desc, e.submitted_at, e.id";
        Uni<Boolean> visible = access.staff() ? Uni.createFrom().item(true) : reads.read(s -> s.find(
                ChallengeEntity.class, challenge)).map(c -> c != null && c.state == ChallengeState.PUBLISHED);
        return visible.chain(yes -> !yes ? Uni.createFrom().nullItem() : reads.read(s -> s.createNativeQuery(sql,
                Object[].class).setParameter("id", challenge).getResultList()).map(rows -> rows.stream().map(
                        r -> new ChallengeTally(r[0].toString(), ((Number) r[1]).intValue())).toList()));
    }

    /** Each challenge's jury criteria, in order (public: they are part of its rules). */
    public Uni<Map<UUID, List<ChallengeCriterion>>> criteriaOf(List<UUID> challenges) {
        Map<String, Object> params = Map.of("ids", Reads.array(NestedPages.parents(challenges)));
        return reads.read(s -> NestedPages.bind(s.createNativeQuery("select challenge_id, id, name, weight, max_score "
                + "from challenge_criterion where challenge_id = any(:ids) order by challenge_id, position",
                Object[].class), params).getResultList()).map(rows -> byFirstColumn(rows, r -> new ChallengeCriterion(
                        r[1].toString(), (String) r[2], ((Number) r[3]).intValue(), ((Number) r[4]).intValue())));
    }

    /** Each challenge's judges, for staff only (absent for everyone else). */
    public Uni<Map<UUID, List<ChallengeJudge>>> judgesOf(Access access, List<UUID> challenges) {
        if (!access.staff()) {
            return Uni.createFrom().item(Map.of());
        }
        Map<String, Object> params = Map.of("ids", Reads.array(NestedPages.parents(challenges)));
        return reads.read(s -> NestedPages.bind(s.createNativeQuery("select challenge_id, subject, creator_id, "
                + "appointed_at from challenge_judge where challenge_id = any(:ids) order by challenge_id, appointed_at, "
                + "subject", Object[].class), params).getResultList()).map(rows -> byFirstColumn(rows,
                        r -> new ChallengeJudge((String) r[1], r[2] == null ? null
                                : new dev.chorus.content.federation.Creator(r[2].toString()), Times.of(r[3]))));
    }

    /**
     * The jury's scores of these entries the caller may see: all of them for staff and, once the results are
     * published, for everyone; a judge's own before that; nothing for others (absent).
     */
    public Uni<Map<UUID, List<ChallengeScore>>> scoresOf(Access access, List<UUID> entries) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ids", Reads.array(NestedPages.parents(entries)));
        String who = "";
        if (!access.staff()) {
            params.put("judge", access.subject() == null ? "" : access.subject());
            who = " and (" + TALLY_VISIBLE + " or s.subject = :judge)";
        }
        String sql = "select s.entry_id, s.subject, k.name, s.score from challenge_score s join challenge_criterion k on "
                + "k.id = s.criterion_id join challenge_entry e on e.id = s.entry_id join challenge c on c.id = "
                + "e.challenge_id where s.entry_id = any(:ids)" + who + " order by s.entry_id, s.subject, k.position";
        return reads.read(s -> NestedPages.bind(s.createNativeQuery(sql, Object[].class), params).getResultList())
                .map(rows -> byFirstColumn(rows, r -> new ChallengeScore((String) r[1], (String) r[2],
                        ((Number) r[3]).intValue())));
    }

    /** The frozen results of the published challenges among these, in rank order (absent for the others). */
    public Uni<Map<UUID, List<ChallengeResult>>> resultsOf(List<UUID> challenges) {
        Map<String, Object> params = Map.of("ids", Reads.array(NestedPages.parents(challenges)));
        return reads.read(s -> NestedPages.bind(s.createNativeQuery("select r.challenge_id, r.entry_id, r.rank, r.votes, "
                + "r.jury_score, r.plays, r.vote_part, r.jury_part, r.engagement_part, r.score from challenge_result r "
                + "where r.challenge_id = any(:ids) order by r.challenge_id, r.rank", Object[].class), params)
                .getResultList()).map(rows -> byFirstColumn(rows, r -> new ChallengeResult(((Number) r[2]).intValue(),
                        ((Number) r[3]).intValue(), (java.math.BigDecimal) r[4], ((Number) r[5]).longValue(),
                        (java.math.BigDecimal) r[6], (java.math.BigDecimal) r[7], (java.math.BigDecimal) r[8],
                        (java.math.BigDecimal) r[9], r[1].toString())));
    }

    /** Each challenge's prizes, by rank and then in the order staff gave them (public with the challenge). */
    public Uni<Map<UUID, List<ChallengePrize>>> prizesOf(List<UUID> challenges) {
        Map<String, Object> params = Map.of("ids", Reads.array(NestedPages.parents(challenges)));
        return reads.read(s -> NestedPages.bind(s.createNativeQuery("select p.challenge_id, "
                + ChallengePrizeService.PRIZE_COLUMNS + " from challenge_prize p where p.challenge_id = any(:ids) "
                + "order by p.challenge_id, p.rank, p.position", Object[].class), params).getResultList())
                .map(rows -> byFirstColumn(rows, r -> ChallengePrizeService.prize(java.util.Arrays.copyOfRange(r, 1,
                        r.length))));
    }

    /**
     * Each prize's awards, the first first (they exist from the results on, which are public); the note only for
     * staff and the entrant.
     */
    public Uni<Map<UUID, List<ChallengePrizeAward>>> awardsOf(Access access, List<UUID> prizes) {
        Map<String, Object> params = Map.of("ids", Reads.array(NestedPages.parents(prizes)));
        return reads.read(s -> NestedPages.bind(s.createNativeQuery("select a.prize_id, a.id, a.state, a.awarded_at, "
                + "a.decided_at, a.note, a.entry_id, e.creator_id, a.production_id from challenge_prize_award a join challenge_entry e on "
                + "e.id = a.entry_id where a.prize_id = any(:ids) order by a.prize_id, a.awarded_at, a.id",
                Object[].class), params).getResultList()).map(rows -> byFirstColumn(rows, r -> new ChallengePrizeAward(
                        r[1].toString(), ChallengeAwardState.valueOf((String) r[2]), Times.of(r[3]),
                        r[4] == null ? null : Times.of(r[4]), access.staffOr((UUID) r[7]) ? (String) r[5] : null,
                        r[0].toString(), r[6].toString(), r[8] == null ? null : r[8].toString())));
    }

    /** Native rows grouped by their first column (the parent's id), each mapped, in order. */
    private static <T> Map<UUID, List<T>> byFirstColumn(List<Object[]> rows, java.util.function.Function<Object[], T> row) {
        Map<UUID, List<T>> grouped = new HashMap<>();
        Batches.groupBy(rows, r -> (UUID) r[0]).forEach((parent, list) -> grouped.put(parent, list.stream().map(row).toList()));
        return grouped;
    }

    /** The caller's vote in each of these challenges (signed in only), by challenge. */
    public Uni<Map<UUID, ChallengeVote>> votesOf(Access access, List<UUID> challenges) {
        if (access.subject() == null) {
            return Uni.createFrom().item(Map.of());
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ids", Reads.array(NestedPages.parents(challenges)));
        params.put("voter", access.subject());
        String sql = "select v.challenge_id, v.entry_id, v.cast_at from challenge_vote v where v.voter = :voter "
                + "and v.challenge_id = any(:ids)";
        return reads.read(s -> NestedPages.bind(s.createNativeQuery(sql, Object[].class), params).getResultList())
                .map(rows -> {
                    Map<UUID, ChallengeVote> votes = new HashMap<>();
                    rows.forEach(r -> votes.put((UUID) r[0], new ChallengeVote(Times.of(r[2]), r[1].toString())));
                    return votes;
                });
    }
}
