package dev.chorus.content.invitation;

import java.time.Duration;
import java.time.OffsetDateTime;

import dev.chorus.common.error.BadUserInputException;
import dev.chorus.common.input.Inputs;

/** The rules of remix invitations; each failure names the input field at fault. */
final class InvitationRules {
    static final int MESSAGE_MAX = 2000;
    /** How long an invitee has to answer when the invitation names no deadline. */
    static final Duration DEFAULT_DEADLINE = Duration.ofDays(14);

    private InvitationRules() {
    }

    static String message(String value) {
        return Inputs.optionalText("message", value, MESSAGE_MAX);
    }

    /** The deadline to answer: given, or {@link #DEFAULT_DEADLINE} from {@code now}; in the future. */
    static OffsetDateTime respondBy(OffsetDateTime given, OffsetDateTime now) {
        OffsetDateTime respondBy = given == null ? now.plus(DEFAULT_DEADLINE) : given;
        if (!respondBy.isAfter(now)) {
            throw new BadUserInputException("respondBy", "respondBy must be in the future");
        }
        return respondBy;
    }
}
