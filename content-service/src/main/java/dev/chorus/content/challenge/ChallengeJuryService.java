package dev.chorus.content.challenge;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import dev.chorus.common.error.BadUserInputException;
import dev.chorus.common.error.ConflictException;
import dev.chorus.common.error.ForbiddenException;
import dev.chorus.common.error.NotFoundException;
import dev.chorus.common.input.Inputs;
import dev.chorus.common.security.Access;
import dev.chorus.common.time.Times;
import dev.chorus.content.work.WorkVisibility;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The jury and the results. Staff set the criteria (until judging begins) and appoint judges; a judge scores each
 * ACTIVE entry on every criterion while the challenge is JUDGING, and is recused from an entry crediting the
 * creator they are. Staff then publish the results once: each entry's parts and score are computed from the votes,
 * the jury and the plays, ranked, and frozen, and each prize awarded to the entry at its rank.
 */
@ApplicationScoped
public class ChallengeJuryService {
    static final int CRITERIA_MAX = 10;
    static final int NAME_MAX = 60;
    static final int SUBJECT_MAX = 255;
    private static final int SCALE = 4;

    @WithTransaction
    public Uni<List<ChallengeCriterion>> setCriteria(Access access, SetChallengeCriteriaInput input) {
        access.requireStaff();
        UUID id = Inputs.id("challengeId", input.challengeId());
        List<ChallengeCriterion> criteria = criteria(input.criteria());
        return ChallengeEntity.locked(id, "challengeId").chain(c -> {
            ChallengePhase phase = c.phase(Times.now());
            if (phase == ChallengePhase.JUDGING || phase == ChallengePhase.RESULTS || phase == ChallengePhase.CANCELLED) {
                throw new ConflictException("challengeId", "the criteria are fixed once judging begins; the challenge is "
                        + phase);
            }
            return session().chain(s -> s.createNativeQuery("delete from challenge_criterion where challenge_id = :c")
                    .setParameter("c", id).executeUpdate()
                    .chain(() -> insertCriteria(s, id, criteria)));
        }).replaceWith(criteria);
    }

    private static Uni<Void> insertCriteria(Mutiny.Session s, UUID challenge, List<ChallengeCriterion> criteria) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < criteria.size(); i++) {
            ChallengeCriterion k = criteria.get(i);
            int position = i;
            chain = chain.chain(() -> s.createNativeQuery("insert into challenge_criterion (id, challenge_id, position, "
                    + "name, weight, max_score) values (:id, :c, :p, :n, :w, :m)").setParameter("id", UUID.fromString(k.id()))
                    .setParameter("c", challenge).setParameter("p", position).setParameter("n", k.name())
                    .setParameter("w", k.weight()).setParameter("m", k.maxScore()).executeUpdate()).replaceWithVoid();
        }
        return chain;
    }

    static List<ChallengeCriterion> criteria(List<ChallengeCriterionInput> input) {
        if (input.isEmpty() || input.size() > CRITERIA_MAX) {
            throw new BadUserInputException("criteria", "give 1 to " + CRITERIA_MAX + " criteria");
        }
        Set<String> names = new HashSet<>();
        List<ChallengeCriterion> criteria = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            String at = "criteria[" + i + "]";
            ChallengeCriterionInput k = input.get(i);
            String name = Inputs.requiredLine(at + ".name", k.name(), NAME_MAX);
            if (!names.add(name.toLowerCase(java.util.Locale.ROOT))) {
                throw new BadUserInputException(at + ".name", "criterion names must differ");
            }
            if (k.weight() < 1 || k.weight() > 100) {
                throw new BadUserInputException(at + ".weight", "a weight is 1 to 100");
            }
            if (k.maxScore() < 1 || k.maxScore() > 100) {
                throw new BadUserInputException(at + ".maxScore", "a maximum score is 1 to 100");
            }
            criteria.add(new ChallengeCriterion(UUID.randomUUID().toString(), name, k.weight(), k.maxScore()));
        }
        return criteria;
    }

    @WithTransaction
    public Uni<ChallengeJudge> appoint(Access access, AppointChallengeJudgeInput input) {
        access.requireStaff();
        UUID id = Inputs.id("challengeId", input.challengeId());
        String subject = Inputs.requiredLine("subject", input.subject(), SUBJECT_MAX);
        UUID creator = input.creatorId() == null ? null : Inputs.id("creatorId", input.creatorId());
        OffsetDateTime now = Times.now();
        return ChallengeEntity.locked(id, "challengeId").chain(c -> {
            requireNotFinal(c, "challengeId");
            return session().chain(s -> s.createNativeQuery("insert into challenge_judge (challenge_id, subject, "
                    + "creator_id, appointed_at) values (:c, :s, :k, :t) on conflict (challenge_id, subject) do update "
                    + "set creator_id = excluded.creator_id").setParameter("c", id).setParameter("s", subject)
                    .setParameter("k", creator).setParameter("t", now).executeUpdate());
        }).replaceWith(new ChallengeJudge(subject, creator == null ? null
                : new dev.chorus.content.federation.Creator(creator.toString()), now));
    }

    /** Removes a judge and their scores, until the results are published. */
    @WithTransaction
    public Uni<Boolean> remove(Access access, String challengeId, String rawSubject) {
        access.requireStaff();
        UUID id = Inputs.id("challengeId", challengeId);
        String subject = Inputs.requiredLine("subject", rawSubject, SUBJECT_MAX);
        return ChallengeEntity.locked(id, "challengeId").chain(c -> {
            requireNotFinal(c, "challengeId");
            return session().chain(s -> s.createNativeQuery("delete from challenge_score where subject = :s and entry_id "
                    + "in (select id from challenge_entry where challenge_id = :c)").setParameter("s", subject)
                    .setParameter("c", id).executeUpdate()
                    .chain(() -> s.createNativeQuery("delete from challenge_judge where challenge_id = :c and subject = :s")
                            .setParameter("c", id).setParameter("s", subject).executeUpdate()));
        }).map(deleted -> {
            if (deleted == 0) {
                throw new NotFoundException("subject", "no such judge in this challenge");
            }
            return true;
        });
    }

    /**
     * A judge's scores of one ACTIVE entry, every criterion once, while JUDGING; replaces their earlier scores of it.
     * Not a judge of its challenge: FORBIDDEN; credited on the entry (as the creator they are): FORBIDDEN, recused.
     */
    @WithTransaction
    public Uni<List<ChallengeScore>> score(Access access, ScoreChallengeEntryInput input) {
        String judge = access.requireSignedIn();
        UUID entryId = Inputs.id("entryId", input.entryId());
        OffsetDateTime now = Times.now();
        return ChallengeEntryEntity.<ChallengeEntryEntity> findById(entryId).chain(e -> {
            if (e == null) {
                throw new NotFoundException("entryId", "no challenge entry with id " + entryId);
            }
            return session().chain(s -> s.createNativeQuery("select creator_id from challenge_judge where challenge_id = "
                    + ":c and subject = :s", Object.class).setParameter("c", e.challengeId).setParameter("s", judge)
                    .getResultList()).chain(judges -> {
                        if (judges.isEmpty()) {
                            throw new ForbiddenException("Only the challenge's judges score its entries.");
                        }
                        return ChallengeEntity.<ChallengeEntity> findById(e.challengeId).chain(c -> {
                            if (c.phase(now) != ChallengePhase.JUDGING) {
                                throw new ConflictException("entryId", "entries are scored while JUDGING; the challenge is "
                                        + c.phase(now));
                            }
                            if (e.status != ChallengeEntryStatus.ACTIVE) {
                                throw new ConflictException("entryId", "the entry is " + e.status);
                            }
                            return recusal((UUID) judges.get(0), e).chain(() -> criteriaOf(c.id))
                                    .chain(criteria -> save(judge, e, criteria, input.scores(), now));
                        });
                    });
        });
    }

    private static Uni<Void> recusal(UUID judgeCreator, ChallengeEntryEntity e) {
        if (judgeCreator == null) {
            return Uni.createFrom().voidItem();
        }
        if (judgeCreator.equals(e.creatorId)) {
            throw new ForbiddenException("A judge is recused from an entry crediting them.");
        }
        return WorkVisibility.IN_TRANSACTION.creditedAmong(judgeCreator, List.of(e.workId)).map(credited -> {
            if (!credited.isEmpty()) {
                throw new ForbiddenException("A judge is recused from an entry crediting them.");
            }
            return null;
        });
    }

    private static Uni<List<ChallengeCriterion>> criteriaOf(UUID challenge) {
        return session().chain(s -> s.createNativeQuery("select id, name, weight, max_score from challenge_criterion "
                + "where challenge_id = :c order by position", Object[].class).setParameter("c", challenge).getResultList())
                .map(rows -> rows.stream().map(r -> new ChallengeCriterion(r[0].toString(), (String) r[1],
                        ((Number) r[2]).intValue(), ((Number) r[3]).intValue())).toList());
    }

    private static Uni<List<ChallengeScore>> save(String judge, ChallengeEntryEntity e, List<ChallengeCriterion> criteria,
            List<ChallengeScoreInput> scores, OffsetDateTime now) {
        if (criteria.isEmpty()) {
            throw new ConflictException("entryId", "the challenge has no jury criteria");
        }
        Map<String, ChallengeCriterion> byId = new HashMap<>();
        criteria.forEach(k -> byId.put(k.id(), k));
        Map<String, Integer> given = new HashMap<>();
        for (int i = 0; i < scores.size(); i++) {
            String at = "scores[" + i + "]";
            UUID criterionId = Inputs.id(at + ".criterionId", scores.get(i).criterionId());
            ChallengeCriterion k = byId.get(criterionId.toString());
            if (k == null) {
                throw new BadUserInputException(at + ".criterionId", "not a criterion of this challenge");
            }
            if (given.put(k.id(), scores.get(i).score()) != null) {
                throw new BadUserInputException(at + ".criterionId", "each criterion is scored once");
            }
            int score = scores.get(i).score();
            if (score < 0 || score > k.maxScore()) {
                throw new BadUserInputException(at + ".score", "a score on " + k.name() + " is 0 to " + k.maxScore());
            }
        }
        if (given.size() != criteria.size()) {
            throw new BadUserInputException("scores", "score every criterion: " + criteria.size() + " expected, "
                    + given.size() + " given");
        }
        List<ChallengeScore> saved = criteria.stream().map(k -> new ChallengeScore(judge, k.name(), given.get(k.id())))
                .toList();
        return session().chain(s -> {
            Uni<Integer> chain = s.createNativeQuery("delete from challenge_score where entry_id = :e and subject = :s")
                    .setParameter("e", e.id).setParameter("s", judge).executeUpdate();
            for (ChallengeCriterion k : criteria) {
                chain = chain.chain(() -> s.createNativeQuery("insert into challenge_score (entry_id, subject, "
                        + "criterion_id, score, scored_at) values (:e, :s, :k, :v, :t)").setParameter("e", e.id)
                        .setParameter("s", judge).setParameter("k", UUID.fromString(k.id()))
                        .setParameter("v", given.get(k.id())).setParameter("t", now).executeUpdate());
            }
            return chain;
        }).replaceWith(saved);
    }

    /** One ranked entry as computed at publication. */
    record Ranked(UUID entry, OffsetDateTime submittedAt, int votes, BigDecimal jury, long plays, BigDecimal votePart,
            BigDecimal juryPart, BigDecimal engagementPart, BigDecimal score) {
    }

    /**
     * Publishes the results once, while JUDGING: for every ACTIVE entry its votes, its jury score (the mean over the
     * judges who scored it of Σ weight × score / maxScore over Σ weight, times 100) and its plays from its
     * submission day to the day voting closed (both in the challenge's time zone); each part over the highest among
     * the entries; the score from the weights; ranks by score, then jury score, then the earlier submission (then
     * the id, so that no two entries share a rank). Written once; publishing again is a CONFLICT.
     */
    @WithTransaction
    public Uni<ChallengeEntity> publish(Access access, ChallengeIdInput input) {
        access.requireStaff();
        UUID id = Inputs.id("id", input.id());
        OffsetDateTime now = Times.now();
        return ChallengeEntity.locked(id, "id").chain(c -> {
            if (c.phase(now) != ChallengePhase.JUDGING) {
                throw new ConflictException("id", c.state == ChallengeState.PUBLISHED ? "the results are already published"
                        : "results are published after voting closes; the challenge is " + c.phase(now));
            }
            return session().chain(s -> s.createNativeQuery("""
                    select e.id, e.submitted_at,
                        (select count(*) from challenge_vote v where v.entry_id = e.id),
                        (select avg(j.score) from (select sum(k.weight * s.score::numeric / k.max_score) * 100
                            / sum(k.weight) as score from challenge_score s join challenge_criterion k
                            on k.id = s.criterion_id where s.entry_id = e.id group by s.subject) j),
                        (select coalesce(sum(d.plays), 0) from engagement_daily d where d.work_id = e.work_id
                            and d.day between (e.submitted_at at time zone c.time_zone)::date
                            and (c.voting_close_at at time zone c.time_zone)::date)
                    from challenge_entry e join challenge c on c.id = e.challenge_id
                    where e.challenge_id = :c and e.status = 'ACTIVE'""", Object[].class)
                    .setParameter("c", id).getResultList()
                    .chain(rows -> insertResults(s, id, rank(c, rows)))
                    .chain(() -> ChallengePrizeService.award(s, id, now)))
                    .map(ignored -> {
                        c.state = ChallengeState.PUBLISHED;
                        c.publishedAt = now;
                        c.updatedAt = now;
                        return c;
                    });
        });
    }

    /**
     * The ranked entries in one statement, however many: each column as an array literal (of generated ids and
     * numbers only, no client text) bound as text, unnested in step.
     */
    private static Uni<Integer> insertResults(Mutiny.Session s, UUID challenge, List<Ranked> ranked) {
        if (ranked.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return s.createNativeQuery("insert into challenge_result (challenge_id, entry_id, rank, votes, jury_score, plays, "
                + "vote_part, jury_part, engagement_part, score) select :c, r.* from unnest(cast(cast(:e as text) as uuid[]), "
                + "cast(cast(:r as text) as int[]), cast(cast(:v as text) as int[]), cast(cast(:j as text) as numeric[]), "
                + "cast(cast(:p as text) as bigint[]), cast(cast(:vp as text) as numeric[]), "
                + "cast(cast(:jp as text) as numeric[]), cast(cast(:ep as text) as numeric[]), "
                + "cast(cast(:s as text) as numeric[])) r")
                .setParameter("c", challenge)
                .setParameter("e", array(ranked.stream().map(Ranked::entry).toList()))
                .setParameter("r", array(java.util.stream.IntStream.rangeClosed(1, ranked.size()).boxed().toList()))
                .setParameter("v", array(ranked.stream().map(Ranked::votes).toList()))
                .setParameter("j", array(ranked.stream().map(Ranked::jury).toList()))
                .setParameter("p", array(ranked.stream().map(Ranked::plays).toList()))
                .setParameter("vp", array(ranked.stream().map(Ranked::votePart).toList()))
                .setParameter("jp", array(ranked.stream().map(Ranked::juryPart).toList()))
                .setParameter("ep", array(ranked.stream().map(Ranked::engagementPart).toList()))
                .setParameter("s", array(ranked.stream().map(Ranked::score).toList()))
                .executeUpdate();
    }

    /** A PostgreSQL array literal of one column: {a,b,NULL}. */
    private static String array(List<?> column) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < column.size(); i++) {
            Object value = column.get(i);
            literal.append(i == 0 ? "" : ",").append(value instanceof BigDecimal d ? d.toPlainString()
                    : value == null ? "NULL" : value.toString());
        }
        return literal.append('}').toString();
    }

    static List<Ranked> rank(ChallengeEntity c, List<Object[]> rows) {
        double maxVotes = rows.stream().mapToDouble(r -> ((Number) r[2]).doubleValue()).max().orElse(0);
        double maxJury = rows.stream().filter(r -> r[3] != null).mapToDouble(r -> ((Number) r[3]).doubleValue()).max()
                .orElse(0);
        double maxPlays = rows.stream().mapToDouble(r -> ((Number) r[4]).doubleValue()).max().orElse(0);
        List<Ranked> ranked = new ArrayList<>();
        for (Object[] r : rows) {
            int votes = ((Number) r[2]).intValue();
            BigDecimal jury = r[3] == null ? null : decimal(((Number) r[3]).doubleValue());
            long plays = ((Number) r[4]).longValue();
            double vp = maxVotes == 0 ? 0 : votes / maxVotes;
            double jp = maxJury == 0 || jury == null ? 0 : jury.doubleValue() / maxJury;
            double ep = maxPlays == 0 ? 0 : plays / maxPlays;
            double score = c.voteWeight * vp + c.juryWeight * jp + c.engagementWeight * ep;
            ranked.add(new Ranked((UUID) r[0], Times.of(r[1]), votes, jury, plays, decimal(vp), decimal(jp), decimal(ep),
                    decimal(score)));
        }
        ranked.sort(Comparator.comparing(Ranked::score).reversed()
                .thenComparing((Ranked r) -> r.jury() == null ? BigDecimal.valueOf(-1) : r.jury(), Comparator.reverseOrder())
                .thenComparing(Ranked::submittedAt)
                .thenComparing(Ranked::entry));
        return ranked;
    }

    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value).setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    private static void requireNotFinal(ChallengeEntity c, String field) {
        if (c.state == ChallengeState.PUBLISHED || c.state == ChallengeState.CANCELLED) {
            throw new ConflictException(field, "the challenge is " + c.phase(Times.now()));
        }
    }

    private static Uni<Mutiny.Session> session() {
        return Panache.getSession();
    }
}
