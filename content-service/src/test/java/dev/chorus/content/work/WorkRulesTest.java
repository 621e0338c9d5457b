package dev.chorus.content.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.chorus.common.error.BadUserInputException;

/** The rules of work data, without starting the service: normalisation, check digits, limits. */
class WorkRulesTest {
    private static void refused(String field, Runnable call) {
        BadUserInputException e = assertThrows(BadUserInputException.class, call::run);
        assertEquals(field, e.field(), e.getMessage());
    }

    @Test
    void anOrderingIsNewestByDefaultAndAPeriodOnlyOrdersPlays() {
        java.time.LocalDate day = java.time.LocalDate.of(2026, 11, 30);
        assertEquals(WorkOrdering.NEWEST, WorkRules.ordering(null));
        assertEquals(new WorkOrdering(WorkOrderField.MOST_PLAYED, day, day),
                WorkRules.ordering(new WorkOrderBy(WorkOrderField.MOST_PLAYED, day, day)));
        refused("orderBy.from", () -> WorkRules.ordering(new WorkOrderBy(WorkOrderField.TITLE, day, day)));
        refused("orderBy.to", () -> WorkRules.ordering(new WorkOrderBy(WorkOrderField.MOST_PLAYED, day, null)));
        refused("orderBy.from", () -> WorkRules.ordering(new WorkOrderBy(WorkOrderField.MOST_PLAYED, null, day)));
        refused("orderBy.to", () -> WorkRules.ordering(new WorkOrderBy(WorkOrderField.MOST_PLAYED, day, day.minusDays(1))));
    }

    @Test
    void anIsrcIsNormalisedAndItsShapeChecked() {
        assertEquals("CNA121900001", WorkRules.isrc(" cn-a12-19-00001 "));
        assertNull(WorkRules.isrc("  "));
        refused("isrc", () -> WorkRules.isrc("CN-A12-19-0000"));
        refused("isrc", () -> WorkRules.isrc("1NA121900001"));
        refused("isrc", () -> WorkRules.isrc("CNA12190000１")); // a full-width digit is not a digit here
    }

    @Test
    void anIswcNeedsItsCheckDigit() {
        assertEquals("T-034.524.680-1", WorkRules.iswc("T0345246801"));
        assertEquals("T-034.524.680-1", WorkRules.iswc(" t-034.524.680-1 "));
        refused("iswc", () -> WorkRules.iswc("T-034.524.680-2"));
        refused("iswc", () -> WorkRules.iswc("T-034.524.68-1"));
        assertNull(WorkRules.iswc(null));
    }

    @Test
    void platformIdsHaveTheirPlatformsShape() {
        assertEquals("BV1xx411c7mD", WorkRules.bilibiliBvid(" BV1xx411c7mD "));
        refused("bilibiliBvid", () -> WorkRules.bilibiliBvid("BV2xx411c7mD"));
        refused("bilibiliBvid", () -> WorkRules.bilibiliBvid("BV1xx411c7m"));
        assertEquals("0039MnYb0qxYhV", WorkRules.qqMusicSongMid("0039MnYb0qxYhV"));
        refused("qqMusicSongMid", () -> WorkRules.qqMusicSongMid("0039MnYb0qxYh"));
    }

    @Test
    void aDurationIsOneSecondToOneDayAndNeverChanged() {
        assertEquals(1, WorkRules.duration(1));
        assertEquals(WorkRules.DURATION_MAX, WorkRules.duration(WorkRules.DURATION_MAX));
        refused("durationSeconds", () -> WorkRules.duration(0));
        refused("durationSeconds", () -> WorkRules.duration(WorkRules.DURATION_MAX + 1));
        refused("durationSeconds", () -> WorkRules.duration(null));
    }

    @Test
    void creditsAreOneToFiftyWithoutRepeats() {
        String a = UUID.randomUUID().toString();
        assertEquals(1, WorkRules.credits(List.of(new CreditInput(a, CreditRole.PERFORMER, " 林夏 "))).size());
        assertEquals("林夏", WorkRules.credits(List.of(new CreditInput(a, CreditRole.PERFORMER, " 林夏 "))).get(0).creditedAs());
        refused("credits", () -> WorkRules.credits(List.of()));
        refused("credits[1]", () -> WorkRules.credits(List.of(new CreditInput(a, CreditRole.PERFORMER, null),
                new CreditInput(a, CreditRole.PERFORMER, null))));
        refused("credits[0].creatorId", () -> WorkRules.credits(List.of(new CreditInput("nope", CreditRole.PERFORMER, null))));
        List<CreditInput> fiftyOne = java.util.stream.IntStream.range(0, 51)
                .mapToObj(i -> new CreditInput(UUID.randomUUID().toString(), CreditRole.PERFORMER, null)).toList();
        refused("credits", () -> WorkRules.credits(fiftyOne));
    }

    @Test
    void royaltySharesArePositiveTwoDecimalsAndTotalExactlyOneHundred() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        assertEquals(2, WorkRules.splits(List.of(new RoyaltySplitInput(a, new BigDecimal("33.33")),
                new RoyaltySplitInput(b, new BigDecimal("66.67")))).size());
        assertEquals(List.of(), WorkRules.splits(null));
        refused("royaltySplits[0].share", () -> WorkRules.splits(List.of(new RoyaltySplitInput(a, new BigDecimal("33.333")),
                new RoyaltySplitInput(b, new BigDecimal("66.667")))));
        refused("royaltySplits[0].share", () -> WorkRules.splits(List.of(new RoyaltySplitInput(a, BigDecimal.ZERO))));
        refused("royaltySplits[1].creatorId", () -> WorkRules.splits(List.of(new RoyaltySplitInput(a, new BigDecimal("50")),
                new RoyaltySplitInput(a, new BigDecimal("50")))));
        BadUserInputException notHundred = assertThrows(BadUserInputException.class, () -> WorkRules.splits(List.of(
                new RoyaltySplitInput(a, new BigDecimal("50")), new RoyaltySplitInput(b, new BigDecimal("49.99")))));
        assertEquals("royaltySplits", notHundred.field());
    }
}
