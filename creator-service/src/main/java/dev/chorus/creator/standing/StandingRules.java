package dev.chorus.creator.standing;

import dev.chorus.common.input.Inputs;

/** The rules of standing changes: a reason is one line of at most {@value #REASON_MAX} characters. */
final class StandingRules {
    static final int REASON_MAX = 500;

    private StandingRules() {
    }

    static String reason(String value) {
        return Inputs.requiredLine("reason", value, REASON_MAX);
    }
}
