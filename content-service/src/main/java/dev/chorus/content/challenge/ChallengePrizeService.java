package dev.chorus.content.challenge;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import dev.chorus.common.error.BadUserInputException;
import dev.chorus.common.error.ConflictException;
import dev.chorus.common.error.NotFoundException;
import dev.chorus.common.input.Inputs;
import dev.chorus.common.security.Access;
import dev.chorus.common.time.Times;
import dev.chorus.content.distribution.Platform;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Prizes and their fulfilment. Staff set a challenge's prizes while it is a DRAFT (entrants enter for the prizes
 * announced). Publishing the results awards each prize to the entry at its rank ({@link #award}). Staff then fulfil
 * each award (a music-video prize by opening its production, {@link #fulfilledBy}), or forfeit it when the winner
 * does not respond: the prize passes to the entry at the next rank that
 * is still ACTIVE and has not forfeited it. Both act on one award, so a retried forfeit is a CONFLICT instead of
 * passing the prize on twice.
 */
@ApplicationScoped
public class ChallengePrizeService {
    static final int PRIZES_MAX = 50;
    static final int RANK_MAX = 1000;
    static final int DESCRIPTION_MAX = 200;
    static final int NOTE_MAX = 500;
    static final BigDecimal AMOUNT_MAX = new BigDecimal("10000000");
    static final String PRIZE_COLUMNS = "p.id, p.rank, p.kind, p.description, p.amount, p.currency, p.platform, "
            + "p.challenge_id, p.event_id, p.album_id";

    /** A prize as checked, before it is stored. */
    record Prize(UUID id, int rank, ChallengePrizeKind kind, String description, BigDecimal amount, String currency,
            UUID eventId, UUID albumId, Platform platform) {
    }

    /** The prizes as given: each rule BAD_USER_INPUT naming the field (prizes[i].field). */
    static List<Prize> prizes(List<ChallengePrizeInput> input) {
        if (input.size() > PRIZES_MAX) {
            throw new BadUserInputException("prizes", "give at most " + PRIZES_MAX + " prizes");
        }
        List<Prize> prizes = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            String at = "prizes[" + i + "].";
            ChallengePrizeInput p = input.get(i);
            if (p.rank() < 1 || p.rank() > RANK_MAX) {
                throw new BadUserInputException(at + "rank", "a rank is 1 to " + RANK_MAX);
            }
            String description = Inputs.requiredLine(at + "description", p.description(), DESCRIPTION_MAX);
            ChallengePrizeKind kind = p.kind();
            only(at + "amount", p.amount() != null, kind == ChallengePrizeKind.CASH, kind);
            only(at + "currency", p.currency() != null, kind == ChallengePrizeKind.CASH, kind);
            only(at + "eventId", p.eventId() != null, kind == ChallengePrizeKind.CONCERT_SLOT, kind);
            only(at + "albumId", p.albumId() != null, kind == ChallengePrizeKind.ALBUM_TRACK, kind);
            only(at + "platform", p.platform() != null, kind == ChallengePrizeKind.FEATURED, kind);
            boolean cash = kind == ChallengePrizeKind.CASH;
            prizes.add(new Prize(UUID.randomUUID(), p.rank(), kind, description,
                    cash ? Inputs.amount(at + "amount", p.amount(), AMOUNT_MAX) : null,
                    cash ? Inputs.currency(at + "currency", p.currency()) : null,
                    kind == ChallengePrizeKind.CONCERT_SLOT ? Inputs.id(at + "eventId", p.eventId()) : null,
                    kind == ChallengePrizeKind.ALBUM_TRACK ? Inputs.id(at + "albumId", p.albumId()) : null,
                    p.platform()));
        }
        return prizes;
    }

    /** A field given for a kind that has none, or missing for the kind that needs it. */
    private static void only(String field, boolean given, boolean needed, ChallengePrizeKind kind) {
        if (given && !needed) {
            throw new BadUserInputException(field, "a " + kind + " prize has no " + field.substring(field.indexOf('.') + 1));
        }
        if (!given && needed) {
            throw new BadUserInputException(field, "a " + kind + " prize needs " + field.substring(field.indexOf('.') + 1));
        }
    }

    /** Replaces the prizes, in one statement, while the challenge is a DRAFT; an album named must exist. */
    @WithTransaction
    public Uni<List<ChallengePrize>> setPrizes(Access access, SetChallengePrizesInput input) {
        access.requireStaff();
        UUID id = Inputs.id("challengeId", input.challengeId());
        List<Prize> prizes = prizes(input.prizes());
        return ChallengeEntity.locked(id, "challengeId").chain(c -> {
            if (c.state != ChallengeState.DRAFT) {
                throw new ConflictException("challengeId", "the prizes are fixed once the challenge is announced; it is "
                        + c.phase(Times.now()));
            }
            return session().chain(s -> albumsExist(s, prizes)
                    .chain(() -> s.createNativeQuery("delete from challenge_prize where challenge_id = :c")
                            .setParameter("c", id).executeUpdate())
                    .chain(() -> insert(s, id, prizes)));
        }).map(ignored -> prizes.stream().map(p -> new ChallengePrize(p.id().toString(), p.rank(), p.kind(),
                p.description(), p.amount(), p.currency(), p.platform(), id.toString(),
                p.eventId() == null ? null : p.eventId().toString(), p.albumId() == null ? null : p.albumId().toString()))
                .sorted(java.util.Comparator.comparing(ChallengePrize::rank)).toList());
    }

    private static Uni<Void> albumsExist(Mutiny.Session s, List<Prize> prizes) {
        List<UUID> albums = prizes.stream().map(Prize::albumId).filter(a -> a != null).distinct().toList();
        if (albums.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return s.createNativeQuery("select id from album where id = any(:ids)", UUID.class)
                .setParameter("ids", albums.toArray(UUID[]::new)).getResultList().map(found -> {
                    for (int i = 0; i < prizes.size(); i++) {
                        UUID album = prizes.get(i).albumId();
                        if (album != null && !found.contains(album)) {
                            throw new BadUserInputException("prizes[" + i + "].albumId", "no album with id " + album);
                        }
                    }
                    return null;
                });
    }

    private static Uni<Void> insert(Mutiny.Session s, UUID challenge, List<Prize> prizes) {
        if (prizes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        StringBuilder sql = new StringBuilder("insert into challenge_prize (id, challenge_id, rank, position, kind, "
                + "description, amount, currency, event_id, album_id, platform) values ");
        for (int i = 0; i < prizes.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:id").append(i).append(", :c, :rank").append(i).append(", ")
                    .append(i).append(", :kind").append(i).append(", :text").append(i).append(", cast(:amount").append(i)
                    .append(" as numeric), cast(:currency").append(i).append(" as text), cast(:event").append(i)
                    .append(" as uuid), cast(:album").append(i).append(" as uuid), cast(:platform").append(i)
                    .append(" as text))");
        }
        var insert = s.createNativeQuery(sql.toString()).setParameter("c", challenge);
        for (int i = 0; i < prizes.size(); i++) {
            Prize p = prizes.get(i);
            insert.setParameter("id" + i, p.id()).setParameter("rank" + i, p.rank())
                    .setParameter("kind" + i, p.kind().name()).setParameter("text" + i, p.description())
                    .setParameter("amount" + i, p.amount())
                    .setParameter("currency" + i, p.currency())
                    .setParameter("event" + i, p.eventId() == null ? null : p.eventId().toString())
                    .setParameter("album" + i, p.albumId() == null ? null : p.albumId().toString())
                    .setParameter("platform" + i, p.platform() == null ? null : p.platform().name());
        }
        return insert.executeUpdate().replaceWithVoid();
    }

    /**
     * At publication, in its transaction, after the results are written: each prize goes to the entry at its rank
     * (a rank beyond the entries has nobody to go to: the prize stays unawarded). One statement.
     */
    static Uni<Integer> award(Mutiny.Session s, UUID challenge, OffsetDateTime now) {
        return s.createNativeQuery("insert into challenge_prize_award (id, prize_id, entry_id, state, awarded_at) "
                + "select gen_random_uuid(), p.id, r.entry_id, 'PENDING', :t from challenge_prize p join challenge_result r "
                + "on r.challenge_id = p.challenge_id and r.rank = p.rank where p.challenge_id = :c")
                .setParameter("c", challenge).setParameter("t", now).executeUpdate();
    }

    /** One award as locked for a decision, with what the decision needs. */
    private record Award(UUID id, UUID prizeId, UUID challengeId, ChallengeAwardState state, ChallengePrizeKind kind,
            UUID albumId, UUID entryId, ChallengeEntryStatus entryStatus, UUID workId, int rank, UUID entrantId) {
    }

    /**
     * Staff: a PENDING award is FULFILLED. The entry must still be ACTIVE; an ALBUM_TRACK prize is fulfilled once the
     * winning work is a track of its album (CONFLICT until then), so that the link to what fulfilled it is true.
     */
    @WithTransaction
    public Uni<ChallengePrize> fulfil(Access access, ChallengeAwardInput input) {
        access.requireStaff();
        UUID id = Inputs.id("awardId", input.awardId());
        String note = Inputs.optionalText("note", input.note(), NOTE_MAX);
        OffsetDateTime now = Times.now();
        return session().chain(s -> lockedPending(s, id).chain(a -> {
            if (a.entryStatus() != ChallengeEntryStatus.ACTIVE) {
                throw new ConflictException("awardId", "the winning entry is " + a.entryStatus()
                        + ": forfeit the award to pass the prize to the next rank");
            }
            if (a.kind() == ChallengePrizeKind.MV_PRODUCTION) {
                throw new ConflictException("awardId", "a music-video prize is fulfilled by opening its production "
                        + "(openProduction with this awardId)");
            }
            Uni<Void> check = a.kind() != ChallengePrizeKind.ALBUM_TRACK ? Uni.createFrom().voidItem()
                    : s.createNativeQuery("select count(*) from album_track where album_id = :a and work_id = :w",
                            Long.class).setParameter("a", a.albumId()).setParameter("w", a.workId()).getSingleResult()
                            .map(n -> {
                                if (n == 0) {
                                    throw new ConflictException("awardId", "the winning work is not a track of the "
                                            + "prize's album yet: add it to the album first");
                                }
                                return null;
                            });
            return check.chain(() -> decide(s, a, ChallengeAwardState.FULFILLED, note, now))
                    .chain(() -> prize(s, a.prizeId()));
        }));
    }

    /**
     * Staff: the winner of a PENDING award did not respond: it is FORFEITED and the prize passes to the entry at the
     * next rank that is still ACTIVE and has not held it before; when there is none, the prize stays unawarded.
     */
    @WithTransaction
    public Uni<ChallengePrize> forfeit(Access access, ChallengeAwardInput input) {
        access.requireStaff();
        UUID id = Inputs.id("awardId", input.awardId());
        String note = Inputs.optionalText("note", input.note(), NOTE_MAX);
        OffsetDateTime now = Times.now();
        return session().chain(s -> lockedPending(s, id)
                .call(a -> decide(s, a, ChallengeAwardState.FORFEITED, note, now))
                .call(a -> s.createNativeQuery("""
                        insert into challenge_prize_award (id, prize_id, entry_id, state, awarded_at)
                        select gen_random_uuid(), :p, r.entry_id, 'PENDING', :t
                        from challenge_result r join challenge_entry e on e.id = r.entry_id
                        where r.challenge_id = :c and r.rank > :rank and e.status = 'ACTIVE'
                            and not exists (select 1 from challenge_prize_award x where x.prize_id = :p
                                and x.entry_id = r.entry_id)
                        order by r.rank limit 1""").setParameter("p", a.prizeId()).setParameter("t", now)
                        .setParameter("c", a.challengeId()).setParameter("rank", a.rank()).executeUpdate())
                .chain(a -> prize(s, a.prizeId())));
    }

    /** The winner of an MV_PRODUCTION award: the work entered and its entrant. */
    public record MusicVideoAward(UUID workId, UUID entrantId) {
    }

    /**
     * In the caller's transaction: a PENDING award of an MV_PRODUCTION prize, locked, for the production opened from
     * it; BAD_USER_INPUT naming awardId when there is none such, CONFLICT when it was decided already.
     */
    public static Uni<MusicVideoAward> lockedMusicVideoAward(Mutiny.Session s, UUID id) {
        return lockedPending(s, id).onFailure(NotFoundException.class)
                .transform(e -> new BadUserInputException("awardId", e.getMessage())).map(a -> {
                    if (a.kind() != ChallengePrizeKind.MV_PRODUCTION) {
                        throw new BadUserInputException("awardId", "not the award of an MV_PRODUCTION prize");
                    }
                    if (a.entryStatus() != ChallengeEntryStatus.ACTIVE) {
                        throw new ConflictException("awardId", "the winning entry is " + a.entryStatus());
                    }
                    return new MusicVideoAward(a.workId(), a.entrantId());
                });
    }

    /** In the caller's transaction: the award FULFILLED by the production opened from it. */
    public static Uni<Integer> fulfilledBy(Mutiny.Session s, UUID award, UUID production, OffsetDateTime now) {
        return s.createNativeQuery("update challenge_prize_award set state = 'FULFILLED', decided_at = :t, "
                + "production_id = :p, note = 'its music-video production was opened' where id = :id")
                .setParameter("t", now).setParameter("p", production).setParameter("id", award).executeUpdate();
    }

    /** The award, locked; NOT_FOUND when none, CONFLICT unless PENDING (so that a decision is made once). */
    private static Uni<Award> lockedPending(Mutiny.Session s, UUID id) {
        return s.createNativeQuery("""
                select a.id, a.prize_id, p.challenge_id, a.state, p.kind, p.album_id, a.entry_id, e.status, e.work_id,
                    r.rank, e.creator_id
                from challenge_prize_award a join challenge_prize p on p.id = a.prize_id
                    join challenge_entry e on e.id = a.entry_id
                    join challenge_result r on r.challenge_id = p.challenge_id and r.entry_id = a.entry_id
                where a.id = :id for update of a""", Object[].class).setParameter("id", id).getResultList().map(rows -> {
            if (rows.isEmpty()) {
                throw new NotFoundException("awardId", "no prize award with id " + id);
            }
            Object[] r = rows.get(0);
            Award a = new Award((UUID) r[0], (UUID) r[1], (UUID) r[2], ChallengeAwardState.valueOf((String) r[3]),
                    ChallengePrizeKind.valueOf((String) r[4]), (UUID) r[5], (UUID) r[6],
                    ChallengeEntryStatus.valueOf((String) r[7]), (UUID) r[8], ((Number) r[9]).intValue(), (UUID) r[10]);
            if (a.state() != ChallengeAwardState.PENDING) {
                throw new ConflictException("awardId", "the award is already " + a.state());
            }
            return a;
        });
    }

    private static Uni<Integer> decide(Mutiny.Session s, Award a, ChallengeAwardState to, String note,
            OffsetDateTime now) {
        return s.createNativeQuery("update challenge_prize_award set state = :s, decided_at = :t, note = :n "
                + "where id = :id").setParameter("s", to.name()).setParameter("t", now).setParameter("n", note)
                .setParameter("id", a.id()).executeUpdate();
    }

    private static Uni<ChallengePrize> prize(Mutiny.Session s, UUID id) {
        return s.createNativeQuery("select " + PRIZE_COLUMNS + " from challenge_prize p where p.id = :id",
                Object[].class).setParameter("id", id).getSingleResult().map(ChallengePrizeService::prize);
    }

    /** A native row of {@link #PRIZE_COLUMNS} as the graph's prize. */
    static ChallengePrize prize(Object[] r) {
        return new ChallengePrize(r[0].toString(), ((Number) r[1]).intValue(), ChallengePrizeKind.valueOf((String) r[2]),
                (String) r[3], (BigDecimal) r[4], (String) r[5], r[6] == null ? null : Platform.valueOf((String) r[6]),
                r[7].toString(), r[8] == null ? null : r[8].toString(), r[9] == null ? null : r[9].toString());
    }

    private static Uni<Mutiny.Session> session() {
        return Panache.getSession();
    }
}
