package dev.chorus.content.challenge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.chorus.common.error.BadUserInputException;
import dev.chorus.content.work.WorkKind;

class ChallengeRulesTest {
    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private static ChallengeEntity announced() {
        ChallengeEntity c = new ChallengeEntity();
        c.state = ChallengeState.ANNOUNCED;
        c.announceAt = NOW;
        c.submissionsOpenAt = NOW.plusDays(1);
        c.submissionsCloseAt = NOW.plusDays(2);
        c.votingCloseAt = NOW.plusDays(3);
        c.resultsAt = NOW.plusDays(4);
        return c;
    }

    /** Each phase begins at its instant, inclusive, as the README says. */
    @Test
    void eachBoundaryInstantBelongsToThePhaseItStarts() {
        ChallengeEntity c = announced();
        assertEquals(ChallengePhase.ANNOUNCED, c.phase(c.submissionsOpenAt.minusNanos(1000)));
        assertEquals(ChallengePhase.OPEN, c.phase(c.submissionsOpenAt));
        assertEquals(ChallengePhase.OPEN, c.phase(c.submissionsCloseAt.minusNanos(1000)));
        assertEquals(ChallengePhase.VOTING, c.phase(c.submissionsCloseAt));
        assertEquals(ChallengePhase.VOTING, c.phase(c.votingCloseAt.minusNanos(1000)));
        assertEquals(ChallengePhase.JUDGING, c.phase(c.votingCloseAt));
        assertEquals(ChallengePhase.JUDGING, c.phase(c.resultsAt.plusYears(1)), "judging lasts until staff publish");
        assertEquals(false, c.isPublic(c.announceAt.minusNanos(1000)));
        assertEquals(true, c.isPublic(c.announceAt));
        c.state = ChallengeState.DRAFT;
        assertEquals(ChallengePhase.DRAFT, c.phase(c.submissionsOpenAt));
        assertEquals(false, c.isPublic(c.submissionsOpenAt));
        c.state = ChallengeState.CANCELLED;
        assertEquals(ChallengePhase.CANCELLED, c.phase(c.submissionsOpenAt));
        c.state = ChallengeState.PUBLISHED;
        assertEquals(ChallengePhase.RESULTS, c.phase(c.submissionsOpenAt));
    }

    @Test
    void theScheduleIsKeptInUtcAndInOrder() {
        OffsetDateTime shanghai = OffsetDateTime.of(2026, 12, 24, 0, 0, 0, 123_456_789, ZoneOffset.ofHours(8));
        ChallengeRules.Schedule s = ChallengeRules.schedule("schedule", new ChallengeScheduleInput(shanghai,
                shanghai, shanghai.plusDays(7), shanghai.plusDays(8), shanghai.plusDays(8)), NOW);
        assertEquals(OffsetDateTime.of(2026, 12, 23, 16, 0, 0, 123_456_000, ZoneOffset.UTC), s.openAt());
        BadUserInputException e = assertThrows(BadUserInputException.class, () -> ChallengeRules.schedule("schedule",
                new ChallengeScheduleInput(NOW, NOW.plusDays(1), NOW.plusDays(1), NOW.plusDays(2), NOW.plusDays(3)), NOW));
        assertEquals("schedule.submissionsCloseAt", e.field());
    }

    @Test
    void termsDefaultAndTotal() {
        ChallengeRules.Terms defaults = ChallengeRules.terms("terms", null);
        assertEquals(new ChallengeRules.Terms(1, null, null, 40, 40, 20), defaults);
        assertEquals(defaults, ChallengeRules.terms("terms", new ChallengeTermsInput(null, null, null, null, null, null)));
        assertEquals(new ChallengeRules.Terms(3, 30, 30, 0, 0, 100), ChallengeRules.terms("terms",
                new ChallengeTermsInput(3, 30, 30, 0, 0, 100)));
        assertEquals("terms.engagementWeight", assertThrows(BadUserInputException.class, () -> ChallengeRules.terms(
                "terms", new ChallengeTermsInput(null, null, null, 50, 50, null))).field());
        assertEquals("terms.minDurationSeconds", assertThrows(BadUserInputException.class, () -> ChallengeRules.terms(
                "terms", new ChallengeTermsInput(null, 86_401, null, null, null, null))).field());
    }

    @Test
    void topicTagsAndSources() {
        assertEquals("#晚风告白Remix", ChallengeRules.topicTag("topicTag", " #晚风告白Remix "));
        assertNull(ChallengeRules.topicTag("topicTag", "\u3000"));
        for (String bad : new String[] {"晚风", "#", "#a b", "##x", "#x!"}) {
            assertThrows(BadUserInputException.class, () -> ChallengeRules.topicTag("topicTag", bad), bad);
        }
        assertThrows(BadUserInputException.class, () -> ChallengeRules.sourceFits(WorkKind.COVER, null));
        assertThrows(BadUserInputException.class, () -> ChallengeRules.sourceFits(WorkKind.ORIGINAL, "x"));
        ChallengeRules.sourceFits(WorkKind.MUSIC_VIDEO, null);
        ChallengeRules.sourceFits(WorkKind.MUSIC_VIDEO, "x");
    }
}
