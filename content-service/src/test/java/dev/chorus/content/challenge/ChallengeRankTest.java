package dev.chorus.content.challenge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The documented ranking: score, then jury score, then the earlier submission (then the id). */
class ChallengeRankTest {
    static final OffsetDateTime T = OffsetDateTime.of(2026, 12, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    private static ChallengeEntity weights(int votes, int jury, int engagement) {
        ChallengeEntity c = new ChallengeEntity();
        c.voteWeight = votes;
        c.juryWeight = jury;
        c.engagementWeight = engagement;
        return c;
    }

    private static Object[] row(UUID id, OffsetDateTime submitted, long votes, Double jury, long plays) {
        return new Object[] {id, submitted, votes, jury == null ? null : BigDecimal.valueOf(jury), plays};
    }

    @Test
    void tiesGoToTheJuryThenToTheEarlierSubmission() {
        UUID early = new UUID(0, 9);
        UUID late = new UUID(0, 1);
        UUID betterJury = new UUID(0, 5);
        List<Object[]> rows = new ArrayList<>();
        rows.add(row(late, T.plusHours(2), 10, 50.0, 0));
        rows.add(row(early, T, 10, 50.0, 0));
        rows.add(row(betterJury, T.plusHours(5), 5, 100.0, 0));
        // votes 50 % each: late/early 0.5×1 + 0.5×0.5 = 0.75; betterJury 0.5×0.5 + 0.5×1 = 0.75: all tie on score
        List<ChallengeJuryService.Ranked> ranked = ChallengeJuryService.rank(weights(50, 50, 0), rows);
        assertEquals(List.of(betterJury, early, late), ranked.stream().map(ChallengeJuryService.Ranked::entry).toList());
        assertEquals(new BigDecimal("75.0000"), ranked.get(0).score());
    }

    @Test
    void partsAreOverTheHighestAndZeroWhenNobodyHasAny() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        List<ChallengeJuryService.Ranked> ranked = ChallengeJuryService.rank(weights(40, 40, 20), List.of(
                row(a, T, 0, null, 0), row(b, T.plusSeconds(1), 0, null, 0)));
        assertEquals(List.of(a, b), ranked.stream().map(ChallengeJuryService.Ranked::entry).toList());
        assertEquals(new BigDecimal("0.0000"), ranked.get(0).score());
        List<ChallengeJuryService.Ranked> played = ChallengeJuryService.rank(weights(0, 0, 100), List.of(
                row(a, T, 3, null, 250), row(b, T, 1, 10.0, 1000)));
        assertEquals(b, played.get(0).entry());
        assertEquals(new BigDecimal("0.2500"), played.get(1).engagementPart());
        assertEquals(new BigDecimal("25.0000"), played.get(1).score());
    }
}
