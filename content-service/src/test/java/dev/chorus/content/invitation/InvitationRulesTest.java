package dev.chorus.content.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.chorus.common.error.BadUserInputException;

/** The rules of remix invitations, without starting the service. */
class InvitationRulesTest {
    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 30, 8, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void theDeadlineIsInTheFutureAndTwoWeeksWhenNoneIsGiven() {
        assertEquals(NOW.plusDays(14), InvitationRules.respondBy(null, NOW));
        assertEquals(NOW.plusSeconds(1), InvitationRules.respondBy(NOW.plusSeconds(1), NOW));
        assertEquals("respondBy", assertThrows(BadUserInputException.class, () -> InvitationRules.respondBy(NOW, NOW)).field());
        assertEquals("respondBy", assertThrows(BadUserInputException.class,
                () -> InvitationRules.respondBy(NOW.minusDays(1), NOW)).field());
    }

    @Test
    void aMessageIsOptionalAndBounded() {
        assertNull(InvitationRules.message(" \u200b "));
        assertEquals("来混音吧", InvitationRules.message(" 来混音吧 "));
        assertEquals("message", assertThrows(BadUserInputException.class,
                () -> InvitationRules.message("x".repeat(InvitationRules.MESSAGE_MAX + 1))).field());
    }
}
